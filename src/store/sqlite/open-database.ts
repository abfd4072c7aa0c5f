import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { schemaParts } from './schema.js';

export type SqliteDatabase = Database.Database;

/**
 * Opens (creating if needed) the embedded database and applies every area's schema.
 * WAL with synchronous=NORMAL: a committed transaction survives the process being killed (kill -9);
 * only an OS crash or power loss can drop the last transactions, which is the documented trade-off.
 */
export function openDatabase(path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.transaction(() => {
    for (const ddl of schemaParts) db.exec(ddl);
  })();
  return db;
}
