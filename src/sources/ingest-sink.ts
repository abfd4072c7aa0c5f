import type { ArticleId, ParsedArticle } from '../core/article.js';

/**
 * The port ingest writes through. Defined here, on the inner side, so sources never depend on the store;
 * the Store implements it (src/store/types.ts re-exports these types).
 */
export interface ArticleInput extends Pick<ParsedArticle, 'title' | 'titleIsOwn' | 'body' | 'meta'> {
  /** Stable key of the origin (file path, feed guid, URL): the same origin with edited content is a new version. */
  readonly originKey: string;
  /**
   * When a newly created article counts as stored (ISO date-time; default: the write time). A feed's backlog,
   * found when the feed is first added, is dated to its own publication so digests do not treat it as news.
   */
  readonly storedAt?: string;
}

export type WriteStatus = 'created' | 'updated' | 'unchanged';

export interface WriteResult {
  readonly id: ArticleId;
  readonly version: number;
  readonly status: WriteStatus;
}

export interface ArticleSink {
  /**
   * All or nothing per batch; one result per item in order. When ONE item cannot be taken, it rejects with an
   * error carrying that item's index as `rejectedItem` (see rejectedItemOf); any other rejection means the
   * sink itself failed.
   */
  writeArticles(batch: readonly ArticleInput[]): Promise<WriteResult[]>;
}

export function rejectedItemOf(error: unknown): number | undefined {
  const item = (error as { rejectedItem?: unknown } | null)?.rejectedItem;
  return typeof item === 'number' ? item : undefined;
}
