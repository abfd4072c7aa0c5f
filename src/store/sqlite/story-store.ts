import type { ArticleId, StoryId } from '../../core/article.js';
import { StoreError } from '../errors.js';
import type { StoryStore } from '../store.js';
import { articleColumns, toStoredArticle, type ArticleRow } from './article-rows.js';
import type { SqliteDatabase } from './open-database.js';

export function createStoryStore(db: SqliteDatabase): StoryStore {
  const assign = db.prepare<[string, string]>('UPDATE articles SET story_id = ? WHERE id = ?');
  const members = db.prepare<[string], ArticleRow>(`SELECT ${articleColumns} FROM articles WHERE story_id = ? ORDER BY ingested_at, seq`);
  const stories = db.prepare<[string, number], { story_id: string; ids: string; updated_at: string }>(
    `SELECT story_id, json_group_array(id) AS ids, max(updated_at) AS updated_at
     FROM (SELECT story_id, id, updated_at FROM articles WHERE story_id IS NOT NULL ORDER BY ingested_at, seq)
     GROUP BY story_id HAVING max(updated_at) >= ? ORDER BY max(updated_at) DESC, story_id LIMIT ?`,
  );
  const setAll = db.transaction((pairs: readonly { articleId: ArticleId; storyId: StoryId }[]) => {
    for (const { articleId, storyId } of pairs) {
      if (assign.run(storyId, articleId).changes === 0) {
        throw new StoreError('unknown-article', `cannot assign article ${articleId} to story ${storyId}: no such article`);
      }
    }
  });

  return {
    setStories: async (pairs) => setAll(pairs),
    storyArticles: async (storyId) => members.all(storyId).map(toStoredArticle),
    listStories: async (options) =>
      stories.all(options?.since ?? '', options?.limit ?? 50).map((row) => ({
        id: row.story_id as StoryId,
        articleIds: JSON.parse(row.ids) as ArticleId[],
        updatedAt: row.updated_at,
      })),
  };
}
