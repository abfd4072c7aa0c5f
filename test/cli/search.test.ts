import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../src/store/types.js';
import { runCli } from './run-cli.js';

describe('wirebrief search', () => {
  const data = mkdtempSync(join(tmpdir(), 'wirebrief-cli-search-'));
  const env = { WIREBRIEF_DATA_DIR: data };
  beforeAll(async () => {
    expect((await runCli(['ingest'], env)).code).toBe(0);
  });
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('prints ranked hits with id, title and a snippet marking the words', async () => {
    const result = await runCli(['search', 'Ahn', 'Chan-il'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[a-z0-9]{6,8} {2}\S.*\n {4}.*«Ahn»/);
  });

  it('prints JSON with --json and takes symbols literally', async () => {
    const json = JSON.parse((await runCli(['search', 'missile', '--json', '--limit', '1'], env)).stdout) as SearchHit[];
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ id: expect.stringMatching(/^[a-z0-9]{6,8}$/), title: expect.any(String), score: expect.any(Number) });
    const odd = await runCli(['search', '"*', 'NEAR('], env);
    expect(odd.code).toBe(0);
    expect(odd.stdout).toBe('no articles match ""* NEAR("\n');
  });
});
