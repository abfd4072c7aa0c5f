import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { inspect } from 'node:util';
import type { Logger } from 'pino';

const boltToPino: Record<LogLevel, string> = { [LogLevel.DEBUG]: 'debug', [LogLevel.INFO]: 'info', [LogLevel.WARN]: 'warn', [LogLevel.ERROR]: 'error' };

/** Bolt and its clients log through this, so their output is scrubbed like ours (src/adapters/logger.ts). */
export function boltLogger(logger: Logger): BoltLogger {
  let level = (Object.entries(boltToPino).find(([, p]) => p === logger.level)?.[0] as LogLevel | undefined) ?? LogLevel.INFO;
  const line = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.stack ?? m.message : typeof m === 'string' ? m : inspect(m, { depth: 4 }))).join(' ');
  return {
    debug: (...msg: unknown[]) => logger.debug(line(msg)),
    info: (...msg: unknown[]) => logger.info(line(msg)),
    warn: (...msg: unknown[]) => logger.warn(line(msg)),
    error: (...msg: unknown[]) => logger.error(line(msg)),
    setLevel: (next: LogLevel) => {
      level = next;
      logger.level = boltToPino[next];
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
