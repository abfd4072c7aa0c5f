import { hostname } from 'node:os';
import pino, { type DestinationStream, type Logger } from 'pino';
import { type Config, secretValues } from '../config.js';
import { scrubber } from './scrub-secrets.js';

export interface LoggerOptions {
  readonly level: string;
  /** Every configured secret's value (Config's Secret fields, revealed). */
  readonly secrets: readonly string[];
  /** Default stdout; tests collect the finished (scrubbed) lines. */
  readonly destination?: { write(line: string): unknown };
}

/** The one logger of every long-running command (serve, run, the platform adapters); every line is scrubbed of secrets. */
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
  return createLogger({ level: config.LOG_LEVEL, secrets: secretValues(config), ...(destination ? { destination } : {}) });
}
