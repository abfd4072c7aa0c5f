import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { digestJson } from '../core/compose/digest-json.js';
import type { ChannelRef, Digest } from '../core/digest.js';
import type { Outgoing } from '../core/message.js';
import type { DeliveryKey } from '../core/subscription.js';

/**
 * Every composed digest, kept as Markdown (to read) and JSON (for scripts) in one folder
 * (WIREBRIEF_DIGESTS_DIR). Names sort by time and say which channel: `2025-12-26T08-00Z_local.md`.
 */
export interface ArchivedDigest {
  readonly markdownPath: string;
  readonly jsonPath: string;
}

export interface DigestArchive {
  readonly dir: string;
  /** Writes (or overwrites) the digest's two files; the JSON names the delivery it was composed for. */
  write(digest: Digest, deliveryKey?: DeliveryKey): Promise<ArchivedDigest>;
}

/** File-name-safe channel label: "local", "slack-t123-general", "discord-1234-5678". */
export function channelSlug(channel: ChannelRef): string {
  const parts = channel.platform === 'local' && channel.channel === 'local' ? ['local'] : [channel.platform, channel.workspace, channel.channel];
  const slug = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  return slug.slice(0, 80) || 'channel';
}

/** "2025-12-26T08:00:00.000Z" → "2025-12-26T08-00Z": sorts by time, no colons (Windows, shells). */
export function archiveBaseName(digest: Pick<Digest, 'composedAt' | 'channel'>): string {
  const at = new Date(digest.composedAt);
  if (Number.isNaN(at.getTime())) throw new Error(`cannot archive digest: composedAt "${digest.composedAt}" is not a date-time`);
  return `${at.toISOString().slice(0, 16).replace(':', '-')}Z_${channelSlug(digest.channel)}`;
}

/** Readers never see a half-written file: write a temp file beside it, flush, then rename over. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text, { encoding: 'utf8', flush: true });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * `suffix` keeps kinds of digest apart in one folder: an on-demand `/digest` composed at 08:00 in a channel
 * must not overwrite the scheduled 08:00 digest of that channel (`…_slack-t1-c1_on-demand.md`).
 */
export function createDigestArchive(dir: string, renderMarkdown: (out: Outgoing) => string, suffix?: string): DigestArchive {
  return {
    dir,
    write: async (digest, deliveryKey) => {
      const base = join(dir, `${archiveBaseName(digest)}${suffix ? `_${suffix}` : ''}`);
      const paths = { markdownPath: `${base}.md`, jsonPath: `${base}.json` };
      await mkdir(dir, { recursive: true });
      await writeAtomically(paths.markdownPath, renderMarkdown({ type: 'digest', digest }));
      await writeAtomically(paths.jsonPath, `${JSON.stringify({ ...digestJson(digest), ...(deliveryKey ? { deliveryKey } : {}) }, null, 2)}\n`);
      return paths;
    },
  };
}
