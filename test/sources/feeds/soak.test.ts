import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeArticle, rss2 } from '../../fakes/news-server/content.js';
import { NewsServer } from '../../fakes/news-server/news-server.js';
import { harness } from './harness.js';

const hosts = 10;
const feedsPerHost = 20;
const hostGapMs = 2_000;
const intervalMs = 15 * 60_000;
const simulatedMs = 4 * 3_600_000;
const start = Date.parse('2025-12-26T00:00:00Z');
const servers = Array.from({ length: hosts }, () => new NewsServer());

/** Feed f publishes an item every 45–135 minutes; between items it serves the same document (so 304s are due). */
const everyMs = (f: number) => (45 + (f % 4) * 30) * 60_000;
const itemsAt = (f: number, now: number) => Math.floor((now - start) / everyMs(f)) + 1;

describe('soak: 200 feeds on 10 hosts over 4 simulated hours', () => {
  const h = harness({ start: new Date(start).toISOString(), hostGapMs, policy: { feedIntervalMs: intervalMs } });
  beforeAll(async () => {
    for (const [s, server] of servers.entries()) {
      const base = await server.start();
      server.now = () => h.clock.now().getTime();
      for (let i = 0; i < feedsPerHost; i++) {
        const f = s * feedsPerHost + i;
        const name = `soak${f}`;
        server.route(`/${name}.xml`, {
          body: () => {
            const count = itemsAt(f, h.clock.now().getTime());
            const items = Array.from({ length: count }, (_, n) => fakeArticle(name, n + 1, new Date(start + n * everyMs(f)).toISOString()));
            return rss2(`Soak ${f}`, base, items.slice(-10));
          },
        });
        await h.store.addSource({ kind: 'feed', location: `${base}/${name}.xml`, scope: 'global' }, h.clock.now());
      }
    }
  });
  afterAll(async () => {
    await h.close();
    await Promise.all(servers.map((s) => s.close()));
  });

  it('stores every item once, keeps every host and feed within its limits, and gets a 304 for every unchanged feed', async () => {
    while (h.clock.now().getTime() < start + simulatedMs) {
      const reports = await h.poller.pollDue();
      expect(reports.filter((r) => r.outcome === 'failed')).toEqual([]);
      h.clock.advance(60_000);
    }
    const requests = servers.flatMap((s) => s.requests);
    const end = h.clock.now().getTime();
    // Bounded: at most one fetch per feed per interval (plus the first), however long the run.
    expect(requests.length).toBeLessThanOrEqual(hosts * feedsPerHost * (Math.ceil((end - start) / intervalMs) + 1));

    for (const server of servers) {
      const times = server.requests.map((r) => r.at).sort((a, b) => a - b);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(hostGapMs);
    }
    const byFeed = new Map<string, typeof requests>();
    for (const r of requests) byFeed.set(`${r.host}${r.path}`, [...(byFeed.get(`${r.host}${r.path}`) ?? []), r]);
    expect(byFeed.size).toBe(hosts * feedsPerHost);
    let notModified = 0;
    for (const feedRequests of byFeed.values()) {
      feedRequests.slice(1).forEach((r, i) => {
        const previous = feedRequests[i]!;
        expect(r.at - previous.at).toBeGreaterThanOrEqual(intervalMs);
        expect(r.conditional).toBe(true);
        // Same document as last time → 304; a changed one → 200.
        expect(r.status).toBe(r.etag === previous.etag ? 304 : 200);
        if (r.status === 304) notModified++;
      });
    }
    expect(notModified).toBeGreaterThan(0);

    // Every item published before its feed's last fetch is stored, and exactly once.
    let expected = 0;
    for (const [key, feedRequests] of byFeed) {
      const f = Number(/soak(\d+)\.xml/.exec(key)![1]);
      expected += itemsAt(f, feedRequests.at(-1)!.at);
    }
    expect(await h.store.countArticles()).toBe(expected);
    const all = await h.store.articlesSince('2000-01-01T00:00:00Z', 100_000);
    expect(new Set(all.map((a) => a.title)).size).toBe(all.length);
  });
});
