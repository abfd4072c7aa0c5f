import pg from 'pg';

export type PgPool = pg.Pool;
export type PgClient = pg.PoolClient;

/**
 * One pool per process. The pool's 'error' event fires when an IDLE client loses its connection (server
 * restart); without a listener Node would crash the whole bot, so we hand it to the caller's logger and let
 * the pool replace the client on the next query.
 */
export function createPool(databaseUrl: string, onIdleError: (error: Error) => void, max = 10): PgPool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, application_name: `wirebrief-${process.pid}` });
  pool.on('error', onIdleError);
  return pool;
}

/** Runs `work` in one transaction on one connection; rolls back (and rethrows) on any error. */
export async function inTransaction<T>(pool: PgPool, work: (client: PgClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Key of the transaction-scoped advisory lock that serialises schema migrations across processes. */
export const MIGRATION_LOCK_KEY = 0x77_62_6d_67; // "wbmg"

/**
 * Applies the DDL parts in one transaction holding pg_advisory_xact_lock: when several processes start at
 * once, the others wait and then see the finished schema (every part is idempotent), instead of racing on
 * CREATE ... IF NOT EXISTS, which is not concurrency-safe in PostgreSQL (duplicate pg_type rows).
 */
export async function applyMigrations(pool: PgPool, parts: readonly string[]): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    for (const ddl of parts) await client.query(ddl);
  });
}
