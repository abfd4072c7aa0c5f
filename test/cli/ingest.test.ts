import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'wirebrief-cli-ingest-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('wirebrief ingest', () => {
  it('ingests the seeds folder by default into a fresh data dir, then finds them unchanged', async () => {
    const data = tempDir();
    const first = await runCli(['ingest'], { WIREBRIEF_DATA_DIR: data });
    expect(first.stdout).toBe('ingested 2 new, 0 updated, 0 unchanged, 0 skipped\n');
    expect(first.code).toBe(0);
    const again = await runCli(['ingest'], { WIREBRIEF_DATA_DIR: data });
    expect(again.stdout).toBe('ingested 0 new, 0 updated, 2 unchanged, 0 skipped\n');
  });

  it('reports each skipped file on stderr, ingests the rest and exits with status 2', async () => {
    const [data, folder] = [tempDir(), tempDir()];
    writeFileSync(join(folder, 'good.txt'), 'The council met on Monday. It approved the budget.\n');
    writeFileSync(join(folder, 'bad.txt'), new Uint8Array([0, 1, 2]));
    const result = await runCli(['ingest', folder], { WIREBRIEF_DATA_DIR: data });
    // npx may add its own warnings; ours is exactly one line.
    const ours = result.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('npm '));
    expect(ours).toEqual([`skipped ${join(folder, 'bad.txt')}: binary file, not text (NUL byte at offset 0)`]);
    expect(result.stdout).toBe('ingested 1 new, 0 updated, 0 unchanged, 1 skipped\n');
    expect(result.code).toBe(2);
  });

  it('names the variable when the configuration is wrong', async () => {
    const result = await runCli(['ingest'], { WIREBRIEF_DATA_DIR: tempDir(), DATABASE_URL: 'mysql://x' });
    expect(result.stderr).toMatch(/DATABASE_URL: must be a PostgreSQL URL/);
    expect(result.code).toBe(1);
  });
});
