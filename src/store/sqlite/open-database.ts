import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { schemaParts } from './schema.js';

export type SqliteDatabase = Database.Database;

const walCheckpointBytes = 40 * 1024 * 1024;

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
  // Takes effect only when the file is created (an existing database keeps its page size), so it must come
  // before journal_mode, which writes the header. A 4 KB page holds one ~3.7 KB article and leaves the rest
  // unused; a 16 KB page holds four, and FTS5 then writes its leaves a page each (pgsz, articles-schema.ts).
  db.pragma('page_size = 16384');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Checkpoint when the WAL holds ~40 MB instead of SQLite's 1,000 pages (4 MB at 4 KB pages), which a single
  // batch of 500 articles exceeds: a checkpoint copies each page once however many commits rewrote it (a batch
  // dirties hundreds of random id, content_hash and origin index pages) and syncs both files once. Durability
  // is unchanged: a commit is complete once it is in the WAL, whenever the checkpoint comes.
  db.pragma(`wal_autocheckpoint = ${Math.ceil(walCheckpointBytes / (db.pragma('page_size', { simple: true }) as number))}`);
  // IMMEDIATE: the schema step reads before it writes, and a deferred transaction that must upgrade its read lock
  // fails at once with SQLITE_BUSY (busy_timeout cannot help) when several processes open the store together.
  db.transaction(() => {
    for (const ddl of schemaParts) db.exec(ddl);
  }).immediate();
  return db;
}
