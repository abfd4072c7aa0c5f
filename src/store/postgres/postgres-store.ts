import type { Store } from '../store.js';
import { createArticleReader } from './article-reader.js';
import { createArticleSearch, type SearchTuning } from './article-search.js';
import { createArticleWriter } from './article-writer.js';
import { createDeliveryStore } from './deliveries-store.js';
import { analyzeWhenStale } from './index-upkeep.js';
import { applyMigrations, createPool, type PgPool } from './pool.js';
import { postgresSchema } from './schema.js';
import { createSourceStore } from './sources-store.js';
import { createStoryStore } from './story-store.js';
import { createSubscriptionStore } from './subscriptions-store.js';
import { createTitleCompletions } from './title-completions.js';

export interface PostgresStoreOptions {
  /** The clock stamping ingestedAt/updatedAt; tests pass a fixed one. */
  readonly now?: () => Date;
  /** Where a dropped idle connection is reported (the pool replaces it); defaults to ignoring it. */
  readonly onConnectionError?: (error: Error) => void;
  /** Connections in this process's pool (default 10). */
  readonly poolSize?: number;
  /** Search's cost guards (see article-search.ts); tests shrink them to exercise them on a few articles. */
  readonly search?: SearchTuning;
}

/** A Store on PostgreSQL plus what operations need: a liveness probe for /healthz. */
export interface PostgresStore extends Store {
  /** Resolves when the database answers a query; rejects with the driver's reason otherwise. */
  ping(): Promise<void>;
}

/** Creates the pool and brings the schema up to date (safe when several processes start at once). */
export async function openPostgresStore(databaseUrl: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const pool = createPool(databaseUrl, options.onConnectionError ?? (() => undefined), options.poolSize);
  try {
    await migrate(pool);
    // A store filled before its writer analyzed (an older version, a writer killed first) gets statistics now.
    await analyzeWhenStale(pool);
  } catch (error) {
    await pool.end();
    throw new Error(`cannot open the PostgreSQL store: ${describe(error)}`, { cause: error });
  }
  const write = createArticleWriter(pool, options.now ?? (() => new Date()));
  let closed = false;
  return {
    writeArticles: write,
    ...createArticleReader(pool),
    ...createArticleSearch(pool, options.search),
    ...createTitleCompletions(pool),
    ...createStoryStore(pool),
    ...createSubscriptionStore(pool),
    ...createDeliveryStore(pool),
    ...createSourceStore(pool),
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

export async function migrate(pool: PgPool): Promise<void> {
  await applyMigrations(pool, postgresSchema);
}

/** The driver's message without the URL (which may carry a password). */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message || (error instanceof AggregateError ? error.errors.map(describe).join('; ') : 'unknown error');
}
