import type { ArticleId, ArticleMeta, StoryId } from '../../core/article.js';
import type { KnownArticle } from '../plan-write.js';
import type { StoredArticle } from '../types.js';

/** An `articles` row as node-postgres returns it (timestamptz → Date, jsonb → object). */
export interface ArticleRow {
  readonly id: string;
  readonly version: number;
  readonly origin_key: string;
  readonly content_hash: string;
  readonly title: string;
  readonly title_is_own: boolean;
  readonly body: string;
  readonly meta: ArticleMeta;
  readonly story_id: string | null;
  readonly ingested_at: Date;
  readonly updated_at: Date;
}

export const articleColumns = 'id, version, origin_key, content_hash, title, title_is_own, body, meta, story_id, ingested_at, updated_at';

export function toStoredArticle(row: ArticleRow): StoredArticle {
  return {
    id: row.id as ArticleId,
    version: row.version,
    originKey: row.origin_key,
    contentHash: row.content_hash,
    title: row.title,
    titleIsOwn: row.title_is_own,
    body: row.body,
    meta: row.meta,
    storyId: row.story_id as StoryId | null,
    ingestedAt: row.ingested_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toKnownArticle(row: ArticleRow): KnownArticle {
  return { id: row.id as ArticleId, version: row.version, originKey: row.origin_key, title: row.title, titleIsOwn: row.title_is_own, meta: row.meta };
}
