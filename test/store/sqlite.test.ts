import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { articleIdFor, contentHash } from '../../src/core/ids.js';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { article, describeStoreContract } from './store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'wirebrief-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStoreContract('sqlite (in memory)', async (now) => openSqliteStore(':memory:', { now }));
let n = 0;
describeStoreContract('sqlite (file)', async (now) => openSqliteStore(join(dir, `contract-${n++}.db`), { now }));

describe('sqlite store', () => {
  it('creates its file on first use and keeps articles across reopening', async () => {
    const path = join(dir, 'nested', 'deeper', 'wirebrief.db');
    const first = openSqliteStore(path);
    const [result] = await first.writeArticles([article('a.txt', 'Rain fell in Seoul on Friday.')]);
    await first.close();
    const again = openSqliteStore(path);
    expect((await again.getArticle(result!.id))!.body).toBe('Rain fell in Seoul on Friday.');
    expect((await again.search('rain')).map((h) => h.id)).toEqual([result!.id]);
    await again.close();
  });

  it('lengthens a new id to 8 characters when its 7-character id holds other content', async () => {
    const path = join(dir, 'collision.db');
    const body = 'A body whose short id is already taken.';
    const squatter = articleIdFor(body);
    const db = openDatabase(path);
    db.prepare(
      `INSERT INTO articles (id, version, origin_key, content_hash, title, title_is_own, body, meta, ingested_at, updated_at)
       VALUES (?, 1, 'other', ?, 'Other', 0, 'Other text.', '{}', '2026-01-01', '2026-01-01')`,
    ).run(squatter, contentHash('Other text.'));
    db.close();
    const store = openSqliteStore(path);
    const [result] = await store.writeArticles([article('mine.txt', body)]);
    expect(result).toMatchObject({ status: 'created', id: articleIdFor(body, 8) });
    expect(result!.id).toHaveLength(8);
    expect((await store.getArticle(squatter))!.body).toBe('Other text.');
    await store.close();
  });
});

describe('sqlite full-text index upkeep', () => {
  // FTS5's own check that the index holds exactly what the articles table says (rank 1: against the content).
  const checkIndex = (path: string) => {
    const db = openDatabase(path);
    for (const table of ['articles_fts', 'titles_fts']) db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).run();
    db.close();
  };

  it('indexes a batch that creates an article and then edits it, and a batch that fails', async () => {
    const path = join(dir, 'index-upkeep.db');
    const store = openSqliteStore(path);
    await store.writeArticles([article('a.txt', 'Rain fell on Seoul.'), article('b.txt', 'Snow fell on Oslo.'), article('a.txt', 'Hail fell on Seoul.')]);
    await expect(store.writeArticles([article('c.txt', 'Fog rose over Lima.'), article('d.txt', ' ')])).rejects.toThrow();
    await store.writeArticles([article('e.txt', 'Wind blew over Quito.')]);
    expect((await store.search('rain')).length).toBe(0);
    expect((await store.search('hail')).map((h) => h.snippet)).toEqual(['«Hail» fell on Seoul.']);
    expect((await store.search('fog')).length).toBe(0);
    expect((await store.search('wind')).length).toBe(1);
    await store.close();
    expect(() => checkIndex(path)).not.toThrow();
  });

  it('drops the insert trigger of databases made before the writer indexed new articles itself', async () => {
    const path = join(dir, 'old-trigger.db');
    const db = openDatabase(path);
    db.exec(`CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
      INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
      INSERT INTO titles_fts (rowid, title) VALUES (new.seq, new.title);
    END`);
    db.close();
    const store = openSqliteStore(path);
    await store.writeArticles([article('a.txt', 'Rain fell on Seoul.')]);
    expect((await store.search('rain')).length).toBe(1);
    await store.close();
    expect(() => checkIndex(path)).not.toThrow();
  });
});

describe('sqlite search cost guards (shrunk to a few articles)', () => {
  const open = (commonAbove = 2) => openSqliteStore(':memory:', { search: { commonAbove, rankWindow: 2 } });

  it('lets a word found in most articles neither narrow nor rank while rarer words are present', async () => {
    const store = open();
    const [both, budgetOnly] = await store.writeArticles([
      article('a', 'The council passed the budget.'),
      article('b', 'A budget was published.'),
      article('c', 'The council met.'),
      article('d', 'The council adjourned.'),
    ]);
    expect((await store.search('council budget')).map((h) => h.id).sort()).toEqual([both!.id, budgetOnly!.id].sort());
    await store.close();
  });

  it('lists the newest matches when every word is that common', async () => {
    const store = open();
    const [a, , c, d] = await store.writeArticles([
      article('a', 'The council passed the budget.'),
      article('b', 'A budget was published.'),
      article('c', 'The council met.'),
      article('d', 'The council adjourned.'),
    ]);
    const hits = await store.search('council');
    expect(hits.map((h) => h.id)).toEqual([d!.id, c!.id, a!.id]);
    expect(hits[0]!.snippet).toContain('«council»');
    await store.close();
  });

  it('ranks only the newest matches', async () => {
    const store = open(100);
    const [oldBest, , newer, newest] = await store.writeArticles([
      article('a', 'Rain rain rain. Rain everywhere.', { title: 'Rain' }),
      article('b', 'Sunny day.'),
      article('c', 'Some rain fell in the long afternoon of a quiet town by the sea.'),
      article('d', 'Rain was forecast again for the weekend in the northern hills.'),
    ]);
    const ids = (await store.search('rain')).map((h) => h.id);
    expect(ids.sort()).toEqual([newer!.id, newest!.id].sort());
    expect(ids).not.toContain(oldBest!.id);
    await store.close();
  });
});

describe('sqlite store opened by several processes at once', () => {
  it('opens in every process (the schema step waits for the write lock instead of failing with SQLITE_BUSY)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirebrief-open-'));
    try {
      const path = join(dir, 'store.db');
      openDatabase(path).close();
      const startAt = Date.now() + 2500;
      const child = join(import.meta.dirname, 'fixtures', 'open-store-at.ts');
      const runs = Array.from({ length: 4 }, () => promisify(execFile)(process.execPath, ['--import', 'tsx', child, path, String(startAt)]));
      const results = await Promise.allSettled(runs);
      expect(results.map((r) => (r.status === 'fulfilled' ? 'ok' : String((r.reason as Error).message).slice(0, 300)))).toEqual(['ok', 'ok', 'ok', 'ok']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
