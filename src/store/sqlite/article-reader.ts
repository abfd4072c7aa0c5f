import { pageOf, pageStart } from '../article-cursor.js';
import { normalizeId } from '../plan-write.js';
import type { ArticleStore } from '../store.js';
import type { StoredArticle } from '../types.js';
import { articleColumns, toStoredArticle, type ArticleRow } from './article-rows.js';
import type { SqliteDatabase } from './open-database.js';

interface PageParams {
  readonly since: string;
  readonly at: string;
  readonly seq: number;
  readonly withStory: number | null;
  readonly limit: number;
}

type ArticleReader = Pick<ArticleStore, 'getArticle' | 'findArticles' | 'articlesSince' | 'articlesSincePage' | 'countArticles'>;

export function createArticleReader(db: SqliteDatabase): ArticleReader {
  const byId = db.prepare<[string], ArticleRow>(`SELECT ${articleColumns} FROM articles WHERE id = ?`);
  const since = db.prepare<[string, number], ArticleRow>(
    `SELECT ${articleColumns} FROM articles WHERE updated_at >= ? ORDER BY updated_at, seq LIMIT ?`,
  );
  // A page continues the cursor's millisecond, then takes later ones: SQLite seeks each of these on the
  // articles_updated_at index (whose rows end with seq, the rowid), but scans a row-value (updated_at, seq) > (?, ?)
  // from the start of the millisecond, and a batch or a backlog shares one.
  const filter = 'updated_at >= @since AND (@withStory IS NULL OR (story_id IS NOT NULL) = @withStory)';
  const sameTime = db.prepare<[PageParams], ArticleRow>(
    `SELECT ${articleColumns} FROM articles WHERE updated_at = @at AND seq > @seq AND ${filter} ORDER BY seq LIMIT @limit`,
  );
  const laterTime = db.prepare<[PageParams], ArticleRow>(
    `SELECT ${articleColumns} FROM articles WHERE updated_at > @at AND ${filter} ORDER BY updated_at, seq LIMIT @limit`,
  );
  const count = db.prepare<[], number>('SELECT count(*) FROM articles').pluck();
  const get = (id: string): StoredArticle | undefined => {
    const row = byId.get(normalizeId(id));
    return row && toStoredArticle(row);
  };

  return {
    getArticle: async (id) => get(id),
    findArticles: async (ids) => ids.map(get).filter((a): a is StoredArticle => a !== undefined),
    // -1 is SQLite's "no limit".
    articlesSince: async (isoTime, limit) => since.all(isoTime, limit ?? -1).map(toStoredArticle),
    articlesSincePage: async (isoTime, options) => {
      const start = pageStart(isoTime, options);
      const params = { since: isoTime, at: start.updatedAt, seq: Number(start.seq), withStory: options.withStory === undefined ? null : Number(options.withStory), limit: options.limit };
      const rows = sameTime.all(params);
      if (rows.length < options.limit) rows.push(...laterTime.all({ ...params, limit: options.limit - rows.length }));
      return pageOf(rows, options.limit, toStoredArticle, (row) => ({ updatedAt: row.updated_at, seq: String(row.seq) }));
    },
    countArticles: async () => count.get() ?? 0,
  };
}
