import { join } from 'node:path';
import { systemClock } from '../../src/scheduler/clock.js';
import { parseFeedText } from '../../src/sources/feeds/parse-feed.js';
import { SourcePoller } from '../../src/sources/feeds/source-poller.js';
import { createHttpGet } from '../../src/sources/fetch/http-get.js';
import { createPoliteFetcher } from '../../src/sources/fetch/polite-fetcher.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { fakeArticle, rss2 } from '../../test/fakes/news-server/content.js';
import { NewsServer } from '../../test/fakes/news-server/news-server.js';
import type { BenchContext, BenchSuite } from '../suite.js';

/**
 * Feeds: 10,000 full-text items in 20 RSS feeds served on 127.0.0.1. Measures parsing alone (feedsmith →
 * normalised items) and the whole path a poll takes (HTTP fetch, parse, HTML body extraction, dedup check,
 * store in the embedded database), then the second poll where every feed answers 304.
 */
const feeds = 20;
const itemsPerFeed = 500;

export const suite: BenchSuite = {
  name: 'feeds',
  title: 'Feeds: items parsed and stored per second',
  async run(ctx: BenchContext): Promise<string> {
    const server = new NewsServer();
    const base = await server.start();
    const documents = Array.from({ length: feeds }, (_, f) =>
      rss2(`Bench ${f}`, base, Array.from({ length: itemsPerFeed }, (_, n) => fakeArticle(`bench${f}`, n + 1))),
    );
    documents.forEach((doc, f) => server.route(`/bench${f}.xml`, { body: doc }));
    const totalItems = feeds * itemsPerFeed;
    const megabytes = documents.reduce((sum, d) => sum + Buffer.byteLength(d), 0) / 1024 / 1024;

    let started = performance.now();
    let parsed = 0;
    for (const doc of documents) {
      const result = parseFeedText(doc, base);
      if (result.ok) parsed += result.feed.items.length;
    }
    const parseSeconds = (performance.now() - started) / 1000;
    ctx.log(`parsed ${parsed} items in ${parseSeconds.toFixed(2)} s`);

    const store = openSqliteStore(join(ctx.scratchDir, 'feeds.db'));
    const get = createHttpGet({ userAgent: 'Wirebrief-bench/1' });
    const poller = new SourcePoller({ store, sink: store, fetcher: createPoliteFetcher({ get, clock: systemClock, hostGapMs: 0 }), clock: systemClock });
    try {
      for (let f = 0; f < feeds; f++) await store.addSource({ kind: 'feed', location: `${base}/bench${f}.xml`, scope: 'global' }, new Date(0));
      started = performance.now();
      const reports = await poller.pollDue();
      const storeSeconds = (performance.now() - started) / 1000;
      const created = reports.reduce((sum, r) => sum + (r.outcome === 'fetched' ? r.created : 0), 0);
      ctx.log(`fetched, parsed and stored ${created} items in ${storeSeconds.toFixed(2)} s`);

      for (const state of await store.claimDueFetches(new Date('9999-12-31T00:00:00Z'), feeds, 0)) await store.saveFetchState({ ...state, nextFetchAt: new Date(0).toISOString() });
      started = performance.now();
      const again = await poller.pollDue();
      const repollSeconds = (performance.now() - started) / 1000;
      const unchanged = again.filter((r) => r.outcome === 'not-modified').length;

      return [
        `${totalItems.toLocaleString('en')} items (${feeds} RSS 2.0 feeds × ${itemsPerFeed}, full text in content:encoded, ${megabytes.toFixed(1)} MB) served on 127.0.0.1; embedded SQLite store (WAL).`,
        '',
        '| step | items | seconds | items/s |',
        '| --- | ---: | ---: | ---: |',
        `| parse only (feedsmith → normalised items) | ${parsed} | ${parseSeconds.toFixed(2)} | ${Math.round(parsed / parseSeconds).toLocaleString('en')} |`,
        `| first poll: fetch + parse + extract + store | ${created} | ${storeSeconds.toFixed(2)} | ${Math.round(created / storeSeconds).toLocaleString('en')} |`,
        `| second poll: ${unchanged}/${feeds} feeds answered 304 | 0 | ${repollSeconds.toFixed(3)} | — |`,
      ].join('\n');
    } finally {
      await get.close();
      await store.close();
      await server.close();
    }
  },
};
