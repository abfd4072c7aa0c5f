import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PollReport } from '../../../src/sources/feeds/source-poller.js';
import { fakeArticle, rss2 } from '../../fakes/news-server/content.js';
import { NewsServer } from '../../fakes/news-server/news-server.js';
import { type Harness, harness } from './harness.js';

const slow = new NewsServer();
const fast = new NewsServer();
let release: () => void = () => undefined;
let h: Harness;

beforeAll(async () => {
  const slowBase = await slow.start();
  const fastBase = await fast.start();
  const hold = new Promise<void>((resolve) => (release = resolve));
  slow
    .route('/held.xml', { body: rss2('Slow', slowBase, [fakeArticle('slow', 1)]), hold })
    .route('/queued.xml', { body: rss2('Queued', slowBase, [fakeArticle('queued', 1)]) });
  fast.route('/fast.xml', { body: rss2('Fast', fastBase, [fakeArticle('fast', 1)]) });
});
afterAll(async () => {
  release();
  await Promise.all([slow.close(), fast.close()]);
});
afterEach(() => h?.close());

describe('each source is polled on its own', () => {
  it('skips a source still being polled instead of waiting for it, keeping one request per host and the interval', async () => {
    h = harness({ hostGapMs: 1_000 });
    slow.now = fast.now = () => h.clock.now().getTime();
    const held = `${slow.base}/held.xml`;
    const queued = `${slow.base}/queued.xml`;
    const quick = `${fast.base}/fast.xml`;
    for (const location of [held, queued, quick]) await h.store.addSource({ kind: 'feed', location, scope: 'global' }, h.clock.now());

    const done: PollReport[] = [];
    const first = (await h.poller.startDue()).map((poll) => poll.then((report) => (done.push(report), report)));
    expect(first).toHaveLength(3);
    await vi.waitFor(() => expect(done.map((r) => r.location)).toEqual([quick]));
    // The second feed on the slow host waits behind the first: never two requests to one host at once.
    expect(slow.arrived).toEqual(['/held.xml']);

    h.clock.advance(15 * 60_000);
    const second = await h.poller.startDue();
    expect(second).toHaveLength(1);
    expect(await second[0]).toEqual({ location: quick, outcome: 'not-modified' });
    expect(slow.arrived).toEqual(['/held.xml']);

    release();
    const reports = await Promise.all(first);
    expect(reports.filter((r) => r.location !== quick).sort((x, y) => x.location.localeCompare(y.location))).toEqual([
      expect.objectContaining({ location: held, outcome: 'fetched', created: 1 }),
      expect.objectContaining({ location: queued, outcome: 'fetched', created: 1 }),
    ]);
    expect(slow.arrived).toEqual(['/held.xml', '/queued.xml']);
    expect(slow.maxOpen).toBe(1);
    const [a, b] = fast.requests.map((r) => r.at);
    expect(b! - a!).toBeGreaterThanOrEqual(15 * 60_000);
    // Finished polls record their next fetch: nothing is due again until its interval has passed.
    expect(await h.poller.startDue()).toEqual([]);
  });
});
