import { join } from 'node:path';
import type { Config } from '../config.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
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
  if (config.DATABASE_URL !== undefined) return openPostgresStore(config.DATABASE_URL, options);
  return openSqliteStore(sqlitePath(config.WIREBRIEF_DATA_DIR));
}
