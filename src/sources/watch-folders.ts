import { watch } from 'chokidar';
import { ARTICLE_EXTENSIONS } from './article-file.js';
import type { ArticleSink } from './ingest-sink.js';
import { ingestPaths, type IngestSkip, type IngestSummary } from './ingest.js';

export interface FolderWatch {
  /** Resolves once the initial scan is done and changes are being seen. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export interface WatchOptions {
  /** After each file added or changed was handled. */
  readonly onIngested?: (path: string, summary: IngestSummary) => void;
  readonly onSkip?: (skip: IngestSkip) => void;
  /** A file is read once its size has been steady this long, so a half-written file is not ingested (default 200 ms). */
  readonly stableMs?: number;
}

/**
 * While the bot runs, files added or changed under the folders are ingested within seconds, through the same
 * path as `wirebrief ingest` (same parsing, same refusals, same dedup). Files already there are left to the
 * start-up ingest.
 */
export function watchFolders(folders: readonly string[], sink: ArticleSink, options: WatchOptions = {}): FolderWatch {
  const stableMs = options.stableMs ?? 200;
  const watcher = watch([...folders], {
    ignoreInitial: true,
    ignored: (path, stats) => /(^|[/\\])\./.test(path) || (stats?.isFile() === true && !ARTICLE_EXTENSIONS.some((ext) => path.toLowerCase().endsWith(ext))),
    awaitWriteFinish: { stabilityThreshold: stableMs, pollInterval: Math.max(10, Math.floor(stableMs / 4)) },
  });
  // One file at a time: the store takes one writer, and order keeps "changed twice" from landing out of order.
  let queue = Promise.resolve();
  const ingest = (path: string) => {
    queue = queue.then(async () => {
      const summary = await ingestPaths([path], sink, { ...(options.onSkip ? { onSkip: options.onSkip } : {}) });
      options.onIngested?.(path, summary);
    }).catch((error: unknown) => options.onSkip?.({ path, reason: error instanceof Error ? error.message : String(error) }));
  };
  watcher.on('add', ingest).on('change', ingest);
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    close: async () => {
      await watcher.close();
      await queue;
    },
  };
}
