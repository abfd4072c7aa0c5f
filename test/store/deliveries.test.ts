import { afterAll, beforeAll, describe } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { describeDeliveryStoreContract } from './deliveries-contract.js';
import { createFreshDatabase, type FreshDatabase, postgresUnavailable } from './postgres-fresh-db.js';

describeDeliveryStoreContract('sqlite', async () => openSqliteStore(':memory:'));

const unavailable = await postgresUnavailable();
if (unavailable && process.env.CI === 'true') throw new Error(`CI=true requires the PostgreSQL tests to run, but ${unavailable}`);
if (unavailable) console.warn(`skipping the PostgreSQL delivery store tests: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('postgres', () => {
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await createFreshDatabase();
  });
  afterAll(async () => db?.drop());
  describeDeliveryStoreContract('postgres', async () => {
    await db.truncate();
    return openPostgresStore(db.url);
  });
});
