import { hostname } from 'node:os';
import pino, { type DestinationStream, type Logger } from 'pino';
import { type Config, Secret } from '../config.js';

/**
 * The one logger of every long-running command (serve, run, the platform adapters). Tokens must never reach a
 * log line. Redacting known keys is not enough (SDK debug output and error messages embed them in strings), so
 * every finished line is scrubbed at the destination: Slack and Discord token shapes by pattern, and the
 * configured secrets by value (a signing secret has no recognisable shape).
 */
const tokenShapes = [
  /\b(?:xox[abposre]|xapp)-[A-Za-z0-9-]+/g,
  // A Discord bot token: base64 user id, timestamp and HMAC, dot-separated.
  /\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}/g,
];

export function scrubber(secrets: readonly string[]): (line: string) => string {
  const known = secrets.filter((s) => s.length >= 6);
  return (line) => known.reduce((text, secret) => text.split(secret).join('[redacted]'), tokenShapes.reduce((text, shape) => text.replace(shape, '[redacted]'), line));
}

export interface LoggerOptions {
  readonly level: string;
  /** Every configured secret's value (Config's Secret fields, revealed). */
  readonly secrets: readonly string[];
  /** Default stdout; tests collect the finished (scrubbed) lines. */
  readonly destination?: { write(line: string): unknown };
}

export function createLogger(options: LoggerOptions): Logger {
  const scrub = scrubber(options.secrets);
  const out = options.destination ?? process.stdout;
  const destination: DestinationStream = { write: (line: string) => void out.write(scrub(line)) };
  return pino(
    {
      level: options.level,
      // Several processes may share one log stream (scale-out): every line says which process wrote it.
      base: { pid: process.pid, hostname: hostname() },
      redact: { paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization', 'botToken', 'appToken', 'signingSecret'], censor: '[redacted]' },
    },
    destination,
  );
}

/** The logger of a command that has loaded its configuration: its level, and every Secret in it scrubbed. */
export function loggerFromConfig(config: Config, destination?: LoggerOptions['destination']): Logger {
  const secrets = Object.values(config).filter((v): v is Secret => v instanceof Secret).map((s) => s.reveal());
  return createLogger({ level: config.LOG_LEVEL, secrets, ...(destination ? { destination } : {}) });
}
