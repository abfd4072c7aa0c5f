import { afterEach, beforeEach, expect, it } from 'vitest';
import type { StoryId } from '../../src/core/article.js';
import { storyGroups } from '../../src/cli/story-groups.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { article } from '../store/store-contract.js';

let store: Store;
beforeEach(() => {
  store = openSqliteStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

it('groups every stored article by story across pages, in order of storing, an unassigned one alone', async () => {
  const bodies = ['Rain fell on Seoul.', 'Floods closed roads in Seoul.', 'A court fined the miner.', 'Seoul rivers rose again.', 'The miner will appeal.'];
  const [rain, floods, court, rivers, appeal] = (await store.writeArticles(bodies.map((body, n) => article(`feed/${n}`, body)))).map((w) => w.id);
  const story = (id: string) => id as StoryId;
  await store.setStories([
    { articleId: rain!, storyId: story('s-rain') },
    { articleId: floods!, storyId: story('s-rain') },
    { articleId: rivers!, storyId: story('s-rain') },
    { articleId: court!, storyId: story('s-court') },
  ]);
  // Pages of two: each story's articles arrive on different pages.
  expect(await storyGroups(store, 2)).toEqual([[rain, floods, rivers], [court], [appeal]]);
});
