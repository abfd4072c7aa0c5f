import { normalizeId } from '../plan-write.js';
import type { ArticleStore } from '../store.js';
import type { StoredArticle } from '../types.js';
import { articleColumns, toStoredArticle, type ArticleRow } from './article-rows.js';
import type { SqliteDatabase } from './open-database.js';

type ArticleReader = Pick<ArticleStore, 'getArticle' | 'findArticles' | 'articlesSince' | 'countArticles'>;

export function createArticleReader(db: SqliteDatabase): ArticleReader {
  const byId = db.prepare<[string], ArticleRow>(`SELECT ${articleColumns} FROM articles WHERE id = ?`);
  const since = db.prepare<[string, number], ArticleRow>(
    `SELECT ${articleColumns} FROM articles WHERE updated_at >= ? ORDER BY updated_at, seq LIMIT ?`,
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
    countArticles: async () => count.get() ?? 0,
  };
}
