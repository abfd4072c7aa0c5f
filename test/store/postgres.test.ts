import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createFreshDatabase, type FreshDatabase, postgresUnavailable } from './postgres-fresh-db.js';
import { article, describeStoreContract } from './store-contract.js';

const unavailable = await postgresUnavailable();
if (unavailable && process.env.CI === 'true') throw new Error(`CI=true requires the PostgreSQL tests to run, but ${unavailable}`);
if (unavailable) console.warn(`skipping the PostgreSQL store tests: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('postgres store', () => {
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await createFreshDatabase();
  });
  afterAll(async () => db?.drop());

  describeStoreContract('postgres', async (now) => {
    await db.truncate();
    return openPostgresStore(db.url, { now });
  });

  it('migrates a new database once when several processes start at the same moment', async () => {
    // Without the advisory lock, concurrent CREATE TABLE IF NOT EXISTS on an empty database fails with duplicate keys.
    const empty = await createFreshDatabase();
    const stores: PostgresStore[] = [];
    try {
      stores.push(...(await Promise.all(Array.from({ length: 6 }, () => openPostgresStore(empty.url)))));
      await stores[0]!.writeArticles([article('a.txt', 'Rain fell in Seoul on Friday.')]);
      expect(await Promise.all(stores.map((s) => s.countArticles()))).toEqual(Array(6).fill(1));
      await stores[5]!.ping();
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await empty.drop();
    }
  });

  it('names the database and the reason when it cannot connect', async () => {
    const url = new URL(db.url);
    url.pathname = '/wirebrief_no_such_database';
    await expect(openPostgresStore(url.toString())).rejects.toThrow(/cannot open the PostgreSQL store: .*wirebrief_no_such_database/);
  });
});
