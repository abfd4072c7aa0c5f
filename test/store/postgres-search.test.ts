import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { Store } from '../../src/store/store.js';
import { createFreshDatabase, type FreshDatabase, postgresUnavailable } from './postgres-fresh-db.js';
import { article } from './store-contract.js';

const unavailable = await postgresUnavailable();

describe.skipIf(unavailable !== undefined)('postgres search cost guards (shrunk to a few articles)', () => {
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await createFreshDatabase();
  });
  afterAll(async () => db?.drop());
  beforeEach(async () => db.truncate());

  /** The guard reads word counts from the planner's statistics, which the writer refreshes only after 1,000 rows. */
  async function analyzed(store: Store): Promise<Store> {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query('ANALYZE articles');
    await client.end();
    return store;
  }
  const open = (commonAbove = 2) => openPostgresStore(db.url, { search: { commonAbove, rankWindow: 2 } });
  const council = [
    article('a', 'The council passed the budget.'),
    article('b', 'A budget was published.'),
    article('c', 'The council met.'),
    article('d', 'The council adjourned.'),
  ];

  it('lets a word found in most articles neither narrow nor rank while rarer words are present', async () => {
    const store = await open();
    try {
      const [both, budgetOnly] = await store.writeArticles(council);
      await analyzed(store);
      expect((await store.search('council budget')).map((h) => h.id).sort()).toEqual([both!.id, budgetOnly!.id].sort());
    } finally {
      await store.close();
    }
  });

  it('lists the newest matches when every word is that common', async () => {
    const store = await open();
    try {
      const [a, , c, d] = await store.writeArticles(council);
      await analyzed(store);
      const hits = await store.search('council');
      expect(hits.map((h) => h.id)).toEqual([d!.id, c!.id, a!.id]);
      expect(hits[0]!.snippet).toContain('«council»');
      expect((await store.search('council', { limit: 1 })).map((h) => h.id)).toEqual([d!.id]);
    } finally {
      await store.close();
    }
  });

  it('ranks only the newest matches', async () => {
    const store = await open(100);
    try {
      const [oldBest, , newer, newest] = await store.writeArticles([
        article('a', 'Rain rain rain. Rain everywhere.', { title: 'Rain' }),
        article('b', 'Sunny day.'),
        article('c', 'Some rain fell in the long afternoon of a quiet town by the sea.'),
        article('d', 'Rain was forecast again for the weekend in the northern hills.'),
      ]);
      const ids = (await store.search('rain')).map((h) => h.id);
      expect(ids.sort()).toEqual([newer!.id, newest!.id].sort());
      expect(ids).not.toContain(oldBest!.id);
    } finally {
      await store.close();
    }
  });
});
