import type { ArticleId } from '../core/article.js';
import { articlePages, type StoryPort } from '../sources/assign-stories.js';

const everything = '1970-01-01T00:00:00.000Z';

/**
 * The ids of every stored article, grouped by story (an article not yet in a story is a story of its own), in
 * order of storing. Read a page at a time, and only ids are kept: a store of 100,000 articles costs a few MB
 * here instead of all their text.
 */
export async function storyGroups(store: Pick<StoryPort, 'articlesSincePage'>, pageSize = 200): Promise<ArticleId[][]> {
  const groups = new Map<string, ArticleId[]>();
  for await (const page of articlePages(store, everything, { limit: pageSize })) {
    for (const article of page) {
      const key = article.storyId ?? `article:${article.id}`;
      const group = groups.get(key);
      if (group) group.push(article.id);
      else groups.set(key, [article.id]);
    }
  }
  return [...groups.values()];
}
