import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleIdFor, contentHash } from '../../src/core/ids.js';
import { readArticleFile } from '../../src/sources/article-file.js';
import { ingestPaths, skipLine, type IngestSkip } from '../../src/sources/ingest.js';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

const seedsDir = join(import.meta.dirname, '..', '..', 'seeds');
const story = (n: number) => `Report ${n}: the council met on Monday.\n\nIt approved a new budget for roads number ${n}.\n`;

describe('ingestPaths', () => {
  let dir: string;
  let dataDir: string;
  let store: Store;
  let skips: IngestSkip[];
  const ingest = (paths: string[], batchSize?: number) =>
    ingestPaths(paths, store, { onSkip: (s) => skips.push(s), ...(batchSize ? { batchSize } : {}) });
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    return path;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wirebrief-ingest-'));
    dataDir = mkdtempSync(join(tmpdir(), 'wirebrief-ingest-data-'));
    store = openSqliteStore(join(dataDir, 'wirebrief.db'));
    skips = [];
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('ingests the seeds: two new articles, then nothing changes on the second run', async () => {
    expect(await ingest([seedsDir])).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 0 });
    expect(await ingest([seedsDir])).toEqual({ created: 0, updated: 0, unchanged: 2, skipped: 0 });
    expect(await store.countArticles()).toBe(2);
    expect((await store.search('missile')).length).toBe(2);
  });

  it('walks folders recursively in name order, skipping hidden entries, across several batches', async () => {
    file('b/2.txt', story(2));
    file('a/deeper/1.txt', story(1));
    file('a/0.md', `# Budget news\n\n${story(0)}`);
    file('c.txt', story(3));
    file('.hidden/4.txt', story(4));
    const progress: number[] = [];
    const summary = await ingestPaths([join(dir, 'a'), join(dir, 'b'), join(dir, 'c.txt'), join(dir, '.hidden', '..')], store, {
      batchSize: 2,
      onProgress: (n) => progress.push(n),
    });
    // a/ and b/ and c.txt, then the parent folder again (all unchanged) without its hidden folder.
    expect(summary).toEqual({ created: 4, updated: 0, unchanged: 4, skipped: 0 });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const stored = await store.articlesSince('1970-01-01T00:00:00.000Z');
    expect(stored.map((a) => a.originKey)).toEqual(['a/0.md', 'a/deeper/1.txt', 'b/2.txt', 'c.txt'].map((p) => resolve(dir, p)));
    expect(stored[0]!.title).toBe('Budget news');
  });

  it('skips bad files with one clear line each, ingests the rest and reports the skips', async () => {
    file('good.txt', story(1));
    file('binary.txt', new Uint8Array([72, 105, 0, 1, 2]));
    file('empty.txt', '');
    file('notes.bin', 'whatever');
    const huge = file('huge.txt', '');
    truncateSync(huge, 6 * 1024 * 1024);
    const missing = join(dir, 'missing');
    const summary = await ingest([dir, missing]);
    expect(summary).toEqual({ created: 1, updated: 0, unchanged: 0, skipped: 5 });
    const lines = skips.map(skipLine);
    expect(lines).toEqual([
      expect.stringMatching(/^skipped .*binary\.txt: binary file/),
      expect.stringMatching(/^skipped .*empty\.txt: the file is empty$/),
      expect.stringMatching(/^skipped .*huge\.txt: too large \(6\.0 MB; the limit is 5 MB\)$/),
      expect.stringMatching(/^skipped .*notes\.bin: unsupported file type "\.bin"/),
      `skipped ${missing}: no such file or folder`,
    ]);
    // The reason does not repeat the path.
    expect(lines[0]!.split(join(dir, 'binary.txt')).length).toBe(2);
  });

  it('makes an edited file a new version of the same article, and a copy elsewhere the same article', async () => {
    const path = file('a.txt', story(1));
    await ingest([path]);
    const [first] = await store.articlesSince('1970-01-01');
    file('copy/a.txt', story(1));
    expect(await ingest([join(dir, 'copy')])).toEqual({ created: 0, updated: 0, unchanged: 1, skipped: 0 });
    writeFileSync(path, `${story(1)}\nA late amendment was added.\n`);
    expect(await ingest([path])).toEqual({ created: 0, updated: 1, unchanged: 0, skipped: 0 });
    const edited = await store.getArticle(first!.id);
    expect(edited).toMatchObject({ version: 2 });
    expect(edited!.body).toContain('late amendment');
    expect(await store.countArticles()).toBe(1);
  });

  it('never changes what is stored when a file turns bad', async () => {
    const path = file('a.txt', story(1));
    await ingest([path]);
    const [before] = await store.articlesSince('1970-01-01');
    writeFileSync(path, new Uint8Array([0, 0, 0]));
    expect(await ingest([path])).toMatchObject({ skipped: 1 });
    expect(await store.getArticle(before!.id)).toEqual(before);
  });

  it('skips only the file the store refuses and stores the rest of its batch', async () => {
    const refusedPath = file('2-refused.txt', story(2));
    file('1-ok.txt', story(1));
    file('3-ok.txt', story(3));
    const verdict = readArticleFile(refusedPath, readFileSync(refusedPath));
    if (!verdict.ok) throw new Error(verdict.reason);
    // Both ids the refused article could take already hold other content: the store must refuse it.
    await store.close();
    const db = openDatabase(join(dataDir, 'wirebrief.db'));
    for (const [i, id] of [articleIdFor(verdict.article.body), articleIdFor(verdict.article.body, 8)].entries()) {
      db.prepare(
        `INSERT INTO articles (id, version, origin_key, content_hash, title, title_is_own, body, meta, ingested_at, updated_at)
         VALUES (?, 1, ?, ?, 'Other', 0, ?, '{}', '2026-01-01', '2026-01-01')`,
      ).run(id, `other-${i}`, contentHash(`Other ${i}.`), `Other ${i}.`);
    }
    db.close();
    store = openSqliteStore(join(dataDir, 'wirebrief.db'));
    const summary = await ingestPaths([dir], store, { onSkip: (s) => skips.push(s) });
    expect(summary).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 1 });
    expect(skips.map(skipLine)).toEqual([expect.stringMatching(/^skipped .*2-refused\.txt: cannot store .* taken by other content$/)]);
  });
});
