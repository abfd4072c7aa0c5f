import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlitePath } from '../../src/cli/open-store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { StoredArticle } from '../../src/store/types.js';
import { runCli } from './run-cli.js';

describe('wirebrief article', () => {
  const data = mkdtempSync(join(tmpdir(), 'wirebrief-cli-article-'));
  const env = { WIREBRIEF_DATA_DIR: data };
  let seeds: StoredArticle[];
  beforeAll(async () => {
    expect((await runCli(['ingest'], env)).code).toBe(0);
    const store = openSqliteStore(sqlitePath(data));
    seeds = await store.articlesSince('1970-01-01');
    await store.close();
  });
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('prints the full text and metadata of an article', async () => {
    const seoul = seeds.find((a) => a.meta.dateline === 'SEOUL')!;
    const result = await runCli(['article', seoul.id.toUpperCase()], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`id: ${seoul.id} (version 1)`);
    expect(result.stdout).toContain('dateline: SEOUL');
    expect(result.stdout.endsWith(`\n\n${seoul.body}\n`)).toBe(true);
  });

  it('prints the stored article as JSON with --json', async () => {
    const result = await runCli(['article', seeds[0]!.id, '--json'], env);
    expect(JSON.parse(result.stdout)).toEqual(seeds[0]);
  });

  it('answers an unknown id with the closest ids and exit status 1', async () => {
    const id = seeds[0]!.id;
    const typo = `${id.slice(0, -1)}${id.endsWith('a') ? 'b' : 'a'}`;
    const result = await runCli(['article', typo], env);
    expect(result.stderr).toMatch(new RegExp(`^no article ${typo}; closest: ${id}`, 'm'));
    expect(result.code).toBe(1);
  });
});
