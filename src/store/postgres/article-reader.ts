import { pageOf, pageStart } from '../article-cursor.js';
import { normalizeId } from '../plan-write.js';
import type { ArticleStore } from '../store.js';
import { type ArticleRow, articleColumns, toStoredArticle } from './article-rows.js';
import type { PgPool } from './pool.js';

type ArticleReader = Pick<ArticleStore, 'getArticle' | 'findArticles' | 'articlesSince' | 'articlesSincePage' | 'countArticles'>;

/** The cursor carries the time as PostgreSQL prints it, to the microsecond, so the next page starts exactly after it. */
type PageRow = ArticleRow & { readonly seq: string; readonly cursor_at: string };

export function createArticleReader(pool: PgPool): ArticleReader {
  return {
    async getArticle(id) {
      const { rows } = await pool.query<ArticleRow>(`SELECT ${articleColumns} FROM articles WHERE id = $1`, [normalizeId(id)]);
      return rows[0] && toStoredArticle(rows[0]);
    },
    async findArticles(ids) {
      const wanted = ids.map(normalizeId);
      const { rows } = await pool.query<ArticleRow>(`SELECT ${articleColumns} FROM articles WHERE id = ANY($1)`, [wanted]);
      const byId = new Map(rows.map((row) => [row.id, toStoredArticle(row)]));
      return wanted.flatMap((id) => byId.get(id) ?? []);
    },
    async articlesSince(isoTime, limit) {
      // LIMIT NULL is "no limit".
      const { rows } = await pool.query<ArticleRow>(
        `SELECT ${articleColumns} FROM articles WHERE updated_at >= $1 ORDER BY updated_at, seq LIMIT $2`,
        [isoTime, limit ?? null],
      );
      return rows.map(toStoredArticle);
    },
    async articlesSincePage(isoTime, options) {
      const start = pageStart(isoTime, options);
      const { rows } = await pool.query<PageRow>(
        `SELECT ${articleColumns}, seq, updated_at::text AS cursor_at FROM articles
         WHERE updated_at >= $1 AND (updated_at, seq) > ($2::timestamptz, $3::bigint)
           AND ($4::boolean IS NULL OR (story_id IS NOT NULL) = $4)
         ORDER BY updated_at, seq LIMIT $5`,
        [isoTime, start.updatedAt, start.seq, options.withStory ?? null, options.limit],
      );
      return pageOf(rows, options.limit, toStoredArticle, (row) => ({ updatedAt: row.cursor_at, seq: row.seq }));
    },
    async countArticles() {
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM articles');
      return Number(rows[0]?.n ?? 0);
    },
  };
}
