import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MAX_ARTICLE_BYTES, readArticleFile } from './article-file.js';
import { describeFsError, walkFiles } from './folder-walk.js';
import { rejectedItemOf, type ArticleInput, type ArticleSink, type WriteResult } from './ingest-sink.js';

export interface IngestSkip {
  readonly path: string;
  readonly reason: string;
}

export interface IngestOptions {
  /** Called after each file is handled (stored, queued or skipped), with the count so far. */
  readonly onProgress?: (filesDone: number) => void;
  /** Called once per file left out; the rest of the ingest goes on. */
  readonly onSkip?: (skip: IngestSkip) => void;
  /** Articles per write transaction (default 500). */
  readonly batchSize?: number;
}

export interface IngestSummary {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Files left out (each was reported through onSkip); above 0 means the ingest was not complete. */
  readonly skipped: number;
}

/** The one line a skipped file gets. */
export function skipLine(skip: IngestSkip): string {
  return `skipped ${skip.path}: ${skip.reason}`;
}

/**
 * Ingests files and folders into the store: one file at a time (memory stays flat however many files there
 * are), parsed articles written in batches. A bad file is skipped with its reason; it never stops the others
 * and never touches what is already stored.
 */
export async function ingestPaths(paths: readonly string[], store: ArticleSink, options: IngestOptions = {}): Promise<IngestSummary> {
  const counts = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  const batchSize = options.batchSize ?? 500;
  let batch: { input: ArticleInput; path: string }[] = [];
  let filesDone = 0;
  const skip = (path: string, reason: string) => {
    counts.skipped++;
    options.onSkip?.({ path, reason });
  };
  const flush = async () => {
    const results = await writeOrIsolate(store, batch, skip);
    for (const result of results) counts[result.status]++;
    batch = [];
  };

  for await (const entry of walkFiles(paths)) {
    if (entry.kind === 'missing') {
      skip(entry.path, entry.reason);
    } else {
      const read = await readLimited(entry.path);
      const parsed = read.ok ? readArticleFile(entry.path, read.bytes) : read;
      if (parsed.ok) batch.push({ input: { originKey: resolve(entry.path), ...pickStored(parsed.article) }, path: entry.path });
      else skip(entry.path, withoutName(parsed.reason, entry.path));
      if (batch.length >= batchSize) await flush();
    }
    options.onProgress?.(++filesDone);
  }
  if (batch.length > 0) await flush();
  return counts;
}

function pickStored(article: Omit<ArticleInput, 'originKey'>): Omit<ArticleInput, 'originKey'> {
  return { title: article.title, titleIsOwn: article.titleIsOwn, body: article.body, meta: article.meta };
}

/** readArticleFile names the file in its reasons; the skip line names it already. */
function withoutName(reason: string, path: string): string {
  return reason.startsWith(`${path}: `) ? reason.slice(path.length + 2) : reason;
}

type ReadResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly reason: string };

/** Reads a file only after checking its size, so a huge file is refused without being loaded. */
async function readLimited(path: string): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    if (size > MAX_ARTICLE_BYTES) {
      return { ok: false, reason: `too large (${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_ARTICLE_BYTES / 1024 / 1024} MB)` };
    }
    return { ok: true, bytes: await handle.readFile() };
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  } finally {
    await handle?.close();
  }
}

/** Writes the batch in one transaction; when the store refuses one item, that file is skipped and the rest retried. */
async function writeOrIsolate(
  store: ArticleSink,
  batch: readonly { input: ArticleInput; path: string }[],
  skip: (path: string, reason: string) => void,
): Promise<WriteResult[]> {
  let pending = batch;
  while (pending.length > 0) {
    try {
      return await store.writeArticles(pending.map((b) => b.input));
    } catch (error) {
      const refused = rejectedItemOf(error);
      if (refused === undefined || pending[refused] === undefined) throw error;
      skip(pending[refused].path, error instanceof Error ? error.message : String(error));
      pending = pending.filter((_, i) => i !== refused);
    }
  }
  return [];
}
