import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Outgoing } from '../../core/message.js';
import { writeAtomically } from '../../store/digest-archive.js';
import type { DigestTransport, SentRef } from '../../scheduler/transport.js';

export interface ConsoleTransportOptions {
  /** Where the digest is shown (the terminal). */
  readonly write: (text: string) => void;
  readonly renderMarkdown: (out: Outgoing) => string;
  /** Where a marker per delivered key is kept, so a restart does not print a delivered digest again. */
  readonly sentDir: string;
}

/**
 * The local channel: digests go to the terminal as Markdown (the archive keeps the files). Idempotent by a
 * marker file per delivery key, written after printing; a crash in between reprints once on the terminal,
 * which posts nothing anywhere.
 */
export function createConsoleTransport(options: ConsoleTransportOptions): DigestTransport {
  const markerPath = (key: string) => join(options.sentDir, `${key}.json`);
  const findSent = async (key: string): Promise<SentRef[] | undefined> => {
    try {
      return JSON.parse(await readFile(markerPath(key), 'utf8')) as SentRef[];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
  return {
    platform: 'local',
    findSent: async (_target, key) => findSent(key),
    send: async (target, messages, key) => {
      const earlier = await findSent(key);
      if (earlier) return earlier;
      for (const message of messages) options.write(options.renderMarkdown(message));
      const refs = [{ channel: target.channel, messageId: key }];
      await mkdir(options.sentDir, { recursive: true });
      await writeAtomically(markerPath(key), JSON.stringify(refs));
      return refs;
    },
  };
}
