import type { ArticleId } from '../core/article.js';
import type { Store } from '../store/store.js';

const everything = '1970-01-01T00:00:00.000Z';

/**
 * The ids of every stored article, grouped by story (an article not yet in a story is a story of its own), in
 * order of storing. Read a page at a time, and only ids are kept: a store of 100,000 articles costs a few MB
 * here instead of all their text.
 */
export async function storyGroups(store: Pick<Store, 'articlesSincePage'>, pageSize = 200): Promise<ArticleId[][]> {
  const groups = new Map<string, ArticleId[]>();
  let after: string | undefined;
  do {
    const page = await store.articlesSincePage(everything, { limit: pageSize, ...(after === undefined ? {} : { after }) });
    for (const article of page.articles) {
      const key = article.storyId ?? `article:${article.id}`;
      const group = groups.get(key);
      if (group) group.push(article.id);
      else groups.set(key, [article.id]);
    }
    after = page.next;
  } while (after !== undefined);
  return [...groups.values()];
}
