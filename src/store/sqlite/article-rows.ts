import type { ArticleId, ArticleMeta, StoryId } from '../../core/article.js';
import type { KnownArticle } from '../plan-write.js';
import type { StoredArticle } from '../types.js';

/** An `articles` row as better-sqlite3 returns it. */
export interface ArticleRow {
  readonly seq: number;
  readonly id: string;
  readonly version: number;
  readonly origin_key: string;
  readonly content_hash: string;
  readonly title: string;
  readonly title_is_own: 0 | 1;
  readonly body: string;
  readonly meta: string;
  readonly story_id: string | null;
  readonly ingested_at: string;
  readonly updated_at: string;
}

export const articleColumns =
  'seq, id, version, origin_key, content_hash, title, title_is_own, body, meta, story_id, ingested_at, updated_at';

export function toStoredArticle(row: ArticleRow): StoredArticle {
  return {
    id: row.id as ArticleId,
    version: row.version,
    originKey: row.origin_key,
    contentHash: row.content_hash,
    title: row.title,
    titleIsOwn: row.title_is_own === 1,
    body: row.body,
    meta: JSON.parse(row.meta) as ArticleMeta,
    storyId: row.story_id as StoryId | null,
    ingestedAt: row.ingested_at,
    updatedAt: row.updated_at,
  };
}

/** What a write decision reads of a stored article: not the body, which a re-ingest would copy out for nothing. */
export type KnownRow = Pick<ArticleRow, 'id' | 'version' | 'origin_key' | 'title' | 'title_is_own' | 'meta'>;

export const knownColumns = 'id, version, origin_key, title, title_is_own, meta';

export function toKnownArticle(row: KnownRow): KnownArticle {
  return {
    id: row.id as ArticleId,
    version: row.version,
    originKey: row.origin_key,
    title: row.title,
    titleIsOwn: row.title_is_own === 1,
    meta: JSON.parse(row.meta) as ArticleMeta,
  };
}
