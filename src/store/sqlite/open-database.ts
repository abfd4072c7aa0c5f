import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { schemaParts } from './schema.js';

export type SqliteDatabase = Database.Database;

/**
 * Opens (creating if needed) the embedded database and applies every area's schema.
 * WAL with synchronous=NORMAL is durable enough for what is promised, that an article reported as stored
 * survives the process being killed (kill -9; test/store/sqlite-durability.test.ts): in WAL mode a commit is
 * complete once its frames are written to the WAL file, and written data sits in the OS's page cache, which
 * the process dying does not lose. NORMAL only leaves out the fsync of each commit, which would guard against
 * an OS crash or power loss: the documented trade-off.
 */
export function openDatabase(path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // IMMEDIATE: the schema step reads before it writes, and a deferred transaction that must upgrade its read lock
  // fails at once with SQLITE_BUSY (busy_timeout cannot help) when several processes open the store together.
  db.transaction(() => {
    for (const ddl of schemaParts) db.exec(ddl);
  }).immediate();
  return db;
}
