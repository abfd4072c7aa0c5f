import { join } from 'node:path';
import type { Config } from '../config.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';

/** The embedded database's file inside the data folder. */
export function sqlitePath(dataDir: string): string {
  return join(dataDir, 'wirebrief.db');
}

/**
 * Opens the store the configuration names: PostgreSQL when DATABASE_URL is set (its schema migrated on the
 * way), else the embedded one in WIREBRIEF_DATA_DIR (created on first use).
 */
export async function openStoreFromConfig(
  config: Pick<Config, 'WIREBRIEF_DATA_DIR' | 'DATABASE_URL'>,
  options: { readonly onConnectionError?: (error: Error) => void } = {},
): Promise<Store> {
  // Loaded only when asked for: the PostgreSQL client is 7 MB of a CLI run that uses the embedded store.
  if (config.DATABASE_URL !== undefined) return (await import('../store/postgres/postgres-store.js')).openPostgresStore(config.DATABASE_URL, options);
  return openSqliteStore(sqlitePath(config.WIREBRIEF_DATA_DIR));
}
