import type { Config } from '../config.js';
import type { ChannelRef } from '../core/digest.js';
import { renderMarkdown } from '../render/markdown.js';
import { assignStories } from '../sources/assign-stories.js';
import { ingestPaths, skipLine } from '../sources/ingest.js';
import { createDigestArchive, type DigestArchive } from '../store/digest-archive.js';
import type { Store } from '../store/store.js';

/** The terminal's channel: digests composed for it are archived as `…_local.md` / `.json`. */
export const localChannel: ChannelRef = { platform: 'local', workspace: 'local', channel: 'local' };

/**
 * Makes the store ready to compose from: on an empty store the seeds folder is ingested first (so the one
 * command works on a fresh clone), and stored articles without a story are put into stories.
 */
export async function prepareStore(store: Store, config: Pick<Config, 'WIREBRIEF_SEEDS_DIR'>, now: Date): Promise<void> {
  if ((await store.countArticles()) === 0) {
    const summary = await ingestPaths([config.WIREBRIEF_SEEDS_DIR], store, { onSkip: (skip) => process.stderr.write(`${skipLine(skip)}\n`) });
    process.stderr.write(`empty store: ingested ${summary.created} articles from ${config.WIREBRIEF_SEEDS_DIR}\n`);
  }
  await assignStories(store, now);
}

export function openArchive(dir: string, suffix?: string): DigestArchive {
  return createDigestArchive(dir, renderMarkdown, suffix);
}
