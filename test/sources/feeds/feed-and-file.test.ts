import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../../src/sources/ingest.js';
import { fakeArticle, jsonFeed, rss2 } from '../../fakes/news-server/content.js';
import { NewsServer } from '../../fakes/news-server/news-server.js';
import { type Harness, harness } from './harness.js';

const server = new NewsServer();
const story = fakeArticle('shared', 1);
let base = '';
let dir = '';
let h: Harness;

beforeAll(async () => {
  base = await server.start();
  server.route('/shared.json', { body: () => jsonFeed('Shared Json', base, [story]), contentType: 'application/feed+json' });
  server.route('/shared.xml', { body: () => rss2('Shared Rss', base, [story]) });
  dir = await mkdtemp(join(tmpdir(), 'wirebrief-feed-and-file-'));
  await writeFile(join(dir, 'shared.txt'), `${story.title}\n\n${story.paragraphs.join('\n\n')}\n`);
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => h?.close());

async function pollFeed(path: string) {
  await h.store.addSource({ kind: 'feed', location: `${base}${path}`, scope: 'global' }, h.clock.now());
  const [report] = await h.poller.pollDue();
  return report!;
}

describe('the same article from a feed and from a file', () => {
  it.each(['/shared.json', '/shared.xml'])('is one article when the file comes first and %s second', async (path) => {
    h = harness();
    expect(await ingestPaths([dir], h.store)).toMatchObject({ created: 1, skipped: 0 });
    const [fromFile] = await h.store.articlesSince('2000-01-01T00:00:00Z');
    expect(await pollFeed(path)).toMatchObject({ outcome: 'fetched', created: 0, unchanged: 1, skipped: [] });
    expect(await h.store.countArticles()).toBe(1);
    // The feed item is remembered as that article, so the next poll does not even try to store it.
    expect([...(await h.store.seenItems(`${base}${path}`, [`link:${base}/articles/${story.id}.html`]))]).toHaveLength(1);
    expect((await h.store.articlesSince('2000-01-01T00:00:00Z')).map((a) => a.id)).toEqual([fromFile!.id]);
  });

  it('is one article when the feed comes first and the file second', async () => {
    h = harness();
    expect(await pollFeed('/shared.json')).toMatchObject({ outcome: 'fetched', created: 1 });
    expect(await ingestPaths([dir], h.store)).toMatchObject({ created: 0, updated: 0, unchanged: 1, skipped: 0 });
    const stored = await h.store.articlesSince('2000-01-01T00:00:00Z');
    expect(stored).toHaveLength(1);
    // The first origin keeps the article, so the feed's link to the original is not lost to the copy.
    expect(stored[0]!.meta.url).toBe(`${base}/articles/${story.id}.html`);
  });
});
