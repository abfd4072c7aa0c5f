import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArticleText } from '../../src/core/parse/parse-text.js';
import { assignStories } from '../../src/sources/assign-stories.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import type { ArticleInput } from '../../src/store/types.js';
import { fakeArticle } from '../fakes/news-server/content.js';

const now = new Date('2025-12-26T08:00:00Z');
// More than a few of assignStories' pages, so that paging and what happens between pages are exercised.
const count = 450;

function filler(n: number): ArticleInput {
  const a = fakeArticle('wire', n);
  return { originKey: `wire/${n}`, title: a.title, titleIsOwn: true, body: a.paragraphs.join('\n\n'), meta: { published: a.published } };
}

/** An agency's report of an earthquake, and its later update under another origin (a second feed, say). */
function quakeReportAndUpdate(): [ArticleInput, ArticleInput] {
  const file = join(import.meta.dirname, '..', 'fixtures', 'wire-reports', 'efe.txt');
  const report = { originKey: 'efe.txt', ...parseArticleText(readFileSync(file, 'utf8')) };
  const update = `${report.body}\n\nBy evening AFAD put the toll at 31 dead, with rescuers still working at nine buildings in Malatya.`;
  return [report, { ...report, originKey: 'efe-evening.txt', body: update }];
}

let store: Store;
beforeEach(() => {
  store = openSqliteStore(':memory:', { now: () => now });
});
afterEach(async () => {
  await store.close();
});

describe('assignStories', () => {
  it('puts every new article into a story, joining an update to its first report pages later', async () => {
    const [report, update] = quakeReportAndUpdate();
    const batch = Array.from({ length: count }, (_, n) => (n === 3 ? report : n === count - 1 ? update : filler(n)));
    const written = await store.writeArticles(batch);
    expect(await assignStories(store, now)).toBe(count);
    const [first, later] = [await store.getArticle(written[3]!.id), await store.getArticle(written[count - 1]!.id)];
    expect(first!.storyId).not.toBeNull();
    expect(later!.storyId).toBe(first!.storyId);
    expect((await store.getArticle(written[0]!.id))!.storyId).not.toBe(first!.storyId);
    expect((await store.articlesSincePage('1970-01-01T00:00:00Z', { limit: 10, withStory: false })).articles).toEqual([]);
    // A second run finds nothing left to assign.
    expect(await assignStories(store, now)).toBe(0);
  });

  it('lets the event loop run between pages, although the embedded store answers synchronously', async () => {
    await store.writeArticles(Array.from({ length: count }, (_, n) => filler(n)));
    let turns = 0;
    let ticking = true;
    const tick = (): void => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    await assignStories(store, now);
    ticking = false;
    // One turn per page at least: a serving bot's heartbeats and acks are answered while a bulk assignment runs.
    expect(turns).toBeGreaterThanOrEqual(4);
  });
});
