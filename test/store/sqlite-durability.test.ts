import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'wirebrief-durable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps every article reported as stored when the writing process is killed with SIGKILL', async () => {
  const path = join(dir, 'wirebrief.db');
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'write-until-killed.ts'), path], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const reported: string[] = [];
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('stored ')) reported.push(...line.slice('stored '.length).split(','));
    // Kill mid-stream, while later batches are being written.
    if (reported.length >= 200) {
      child.kill('SIGKILL');
      break;
    }
  }
  expect(await exited).toBe('SIGKILL');
  const store = openSqliteStore(path);
  const found = await store.findArticles(reported);
  expect(found.map((a) => a.id)).toEqual(reported);
  expect((await store.search('durability', { limit: 100 })).length).toBeGreaterThan(0);
  await store.close();
});
