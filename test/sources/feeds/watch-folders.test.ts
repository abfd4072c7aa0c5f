import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IngestSkip, IngestSummary } from '../../../src/sources/ingest.js';
import { watchFolders, type FolderWatch } from '../../../src/sources/watch-folders.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { fakeArticle } from '../../fakes/news-server/content.js';

let dir = '';
let watcher: FolderWatch | undefined;
afterEach(async () => {
  await watcher?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Resolves on the next event the watcher reports (bounded by the test timeout, never a sleep loop). */
function nextEvent<T>(register: (resolve: (value: T) => void) => void): Promise<T> {
  return new Promise(register);
}

describe('folder watch', () => {
  it('ingests a file added, then its edit as a new version, and reports a bad file without storing it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'wirebrief-watch-'));
    const store = openSqliteStore(':memory:');
    let onIngested: ((e: { path: string; summary: IngestSummary }) => void) | undefined;
    let onSkip: ((s: IngestSkip) => void) | undefined;
    watcher = watchFolders([dir], store, {
      stableMs: 50,
      onIngested: (path, summary) => onIngested?.({ path, summary }),
      onSkip: (skip) => onSkip?.(skip),
    });
    await watcher.ready;
    const article = fakeArticle('watch', 1);
    const file = join(dir, 'story.txt');

    const added = nextEvent<{ path: string; summary: IngestSummary }>((r) => (onIngested = r));
    await writeFile(file, `${article.title}\n\n${article.paragraphs.join('\n\n')}\n`);
    expect(await added).toMatchObject({ path: file, summary: { created: 1 } });

    const changed = nextEvent<{ path: string; summary: IngestSummary }>((r) => (onIngested = r));
    await writeFile(file, `${article.title}\n\n${article.paragraphs.join('\n\n')}\n\nA late paragraph was added to the story.\n`);
    expect(await changed).toMatchObject({ summary: { updated: 1 } });

    const skipped = nextEvent<IngestSkip>((r) => (onSkip = r));
    await writeFile(join(dir, 'empty.md'), '   \n');
    expect(await skipped).toEqual({ path: join(dir, 'empty.md'), reason: expect.stringContaining('only whitespace') });

    expect(await store.countArticles()).toBe(1);
    const [stored] = await store.articlesSince('2000-01-01T00:00:00Z');
    expect(stored).toMatchObject({ version: 2 });
    await store.close();
  });
});
