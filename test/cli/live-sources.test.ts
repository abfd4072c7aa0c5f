import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type LiveSources, startLiveSources } from '../../src/cli/live-sources.js';
import { serialStoryAssigner } from '../../src/sources/assign-stories.js';
import type { PollReport } from '../../src/sources/feeds/source-poller.js';
import type { IngestSkip, IngestSummary } from '../../src/sources/ingest.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { fakeArticle, rss2 } from '../fakes/news-server/content.js';
import { NewsServer } from '../fakes/news-server/news-server.js';
import { SteppedClock } from '../sources/feeds/stepped-clock.js';

/** Bounded waits: a wiring that does not deliver fails here within seconds, not at the test timeout. */
const within = (ms: number) => ({ timeout: ms, interval: 20 });

let dir = '';
let store: Store;
let clock: SteppedClock;
let live: LiveSources | undefined;
const reports: PollReport[] = [];
const ingested: { path: string; summary: IngestSummary }[] = [];
const problems: (IngestSkip | unknown)[] = [];

function start(): LiveSources {
  return startLiveSources({
    store,
    config: { WIREBRIEF_USER_AGENT: 'Wirebrief-test (+mailto:test@example.org)', WIREBRIEF_SEEDS_DIR: join(dir, 'seeds') },
    clock,
    assignStories: serialStoryAssigner(store, clock),
    notify: async () => undefined,
    onReport: (report) => reports.push(report),
    onIngested: (path, summary) => ingested.push({ path, summary }),
    onSkip: (skip) => problems.push(skip),
    onError: (error) => problems.push(error),
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirebrief-live-'));
  await mkdir(join(dir, 'seeds'));
  clock = new SteppedClock('2025-12-26T08:00:00Z');
  store = openSqliteStore(':memory:', { now: () => clock.now() });
  reports.length = 0;
  ingested.length = 0;
  problems.length = 0;
});
afterEach(async () => {
  await live?.stop();
  live = undefined;
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('live sources while the bot runs', () => {
  it('keeps polling a fast host on schedule while a slow host has not answered yet', async () => {
    const slow = new NewsServer();
    const fast = new NewsServer();
    let release: () => void = () => undefined;
    try {
      const slowBase = await slow.start();
      const fastBase = await fast.start();
      slow.route('/held.xml', { body: rss2('Slow', slowBase, [fakeArticle('slow', 1)]), hold: new Promise((resolve) => (release = resolve)) });
      fast.route('/fast.xml', { body: rss2('Fast', fastBase, [fakeArticle('fast', 1)]) });
      await store.addSource({ kind: 'feed', location: `${slowBase}/held.xml`, scope: 'global' }, clock.now());
      await store.addSource({ kind: 'feed', location: `${fastBase}/fast.xml`, scope: 'global' }, clock.now());

      live = start();
      await vi.waitFor(() => expect(reports).toEqual([expect.objectContaining({ location: `${fastBase}/fast.xml`, outcome: 'fetched', created: 1 })]), within(5_000));
      // The loop is back to sleeping between passes although the slow feed is still open.
      await vi.waitFor(() => expect(clock.sleeping).toBeGreaterThan(0), within(5_000));
      clock.advance(15 * 60_000);
      await vi.waitFor(() => expect(reports.at(-1)).toEqual({ location: `${fastBase}/fast.xml`, outcome: 'not-modified' }), within(5_000));
      expect(slow.arrived).toEqual(['/held.xml']);

      release();
      await vi.waitFor(() => expect(reports.map((r) => r.location)).toContain(`${slowBase}/held.xml`), within(5_000));
      expect(await store.countArticles()).toBe(2);
      expect(problems).toEqual([]);
    } finally {
      release();
      await live?.stop();
      live = undefined;
      await Promise.all([slow.close(), fast.close()]);
    }
  });

  it('ingests a file dropped into the seeds folder or a folder source within seconds, and puts it into a story', async () => {
    const extra = join(dir, 'extra');
    await mkdir(extra);
    await store.addSource({ kind: 'folder', location: extra, scope: 'global' }, clock.now());
    live = start();
    await live.ready;

    const drop = async (folder: string, n: number) => {
      const article = fakeArticle('dropped', n);
      const path = join(folder, `dropped-${n}.txt`);
      await writeFile(path, `${article.title}\n\n${article.paragraphs.join('\n\n')}\n`);
      return path;
    };
    const seedFile = await drop(join(dir, 'seeds'), 1);
    const extraFile = await drop(extra, 2);
    await vi.waitFor(() => expect(ingested.map((i) => i.path).sort()).toEqual([extraFile, seedFile].sort()), within(5_000));
    expect(ingested.every((i) => i.summary.created === 1)).toBe(true);
    await vi.waitFor(async () => {
      const stored = await store.articlesSince('2000-01-01T00:00:00Z');
      expect(stored).toHaveLength(2);
      expect(stored.every((a) => a.storyId !== null)).toBe(true);
    }, within(5_000));
    expect(problems).toEqual([]);
  });
});
