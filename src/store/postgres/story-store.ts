import type { ArticleId, StoryId } from '../../core/article.js';
import { StoreError } from '../errors.js';
import type { StoryStore } from '../store.js';
import { type ArticleRow, articleColumns, toStoredArticle } from './article-rows.js';
import { inTransaction, type PgPool } from './pool.js';

export function createStoryStore(pool: PgPool): StoryStore {
  return {
    async setStories(pairs) {
      // A later pair for the same article wins, as if applied one by one.
      const last = new Map(pairs.map((p) => [p.articleId, p.storyId]));
      if (last.size === 0) return;
      await inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ id: string }>(
          `UPDATE articles a SET story_id = p.story FROM unnest($1::text[], $2::text[]) AS p(id, story) WHERE a.id = p.id RETURNING a.id`,
          [[...last.keys()], [...last.values()]],
        );
        const assigned = new Set(rows.map((row) => row.id));
        const unknown = pairs.find((p) => !assigned.has(p.articleId));
        if (unknown) throw new StoreError('unknown-article', `cannot assign article ${unknown.articleId} to story ${unknown.storyId}: no such article`);
      });
    },
    async storyArticles(storyId) {
      const { rows } = await pool.query<ArticleRow>(`SELECT ${articleColumns} FROM articles WHERE story_id = $1 ORDER BY ingested_at, seq`, [storyId]);
      return rows.map(toStoredArticle);
    },
    async listStories(options) {
      const { rows } = await pool.query<{ story_id: StoryId; ids: ArticleId[]; updated_at: Date }>(
        `SELECT story_id, array_agg(id ORDER BY ingested_at, seq) AS ids, max(updated_at) AS updated_at
         FROM articles WHERE story_id IS NOT NULL GROUP BY story_id
         HAVING $1::timestamptz IS NULL OR max(updated_at) >= $1 ORDER BY max(updated_at) DESC, story_id LIMIT $2`,
        [options?.since ?? null, options?.limit ?? 50],
      );
      return rows.map((row) => ({ id: row.story_id, articleIds: row.ids, updatedAt: row.updated_at.toISOString() }));
    },
  };
}
