import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PollReport } from '../../../src/sources/feeds/source-poller.js';
import { articlePage, atom, fakeArticle, jsonFeed, rss1, rss2 } from '../../fakes/news-server/content.js';
import { NewsServer } from '../../fakes/news-server/news-server.js';
import { type Harness, harness, userAgent } from './harness.js';

const server = new NewsServer();
let base = '';
let h: Harness;

beforeAll(async () => {
  base = await server.start();
  const three = (feed: string) => [1, 2, 3].map((n) => fakeArticle(feed, n));
  server
    .route('/rss2.xml', { body: () => rss2('Rss Two News', base, three('rss2')) })
    .route('/rss1.xml', { body: () => rss1('Rdf News', base, three('rss1')) })
    .route('/atom.xml', { body: () => atom('Atom News', base, three('atom')), contentType: 'application/atom+xml' })
    .route('/feed.json', { body: () => jsonFeed('Json News', base, three('json')), contentType: 'application/feed+json' })
    .route('/gzip.xml', { body: () => rss2('Gzip News', base, three('gzip')), gzip: true })
    .route('/malformed.xml', { body: '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>x</item></channel>' })
    .route('/empty.html', { body: '<!doctype html><html><body><nav><a href="/">Home</a></nav></body></html>', contentType: 'text/html' });
  const teasers = [1, 2, 3].map((n) => fakeArticle('teaser', n));
  server.route('/teaser.xml', { body: rss2('Teaser News', base, teasers, { teaser: true }) });
  teasers.forEach((a, i) => server.route(`/articles/${a.id}.html`, { body: articlePage(a, { withFacts: i !== 0 }), contentType: 'text/html' }));
  let fetches = 0;
  const shifty = [1, 2].map((n) => fakeArticle('shifty', n));
  server.route('/shifty.xml', { body: () => rss2('Shifty News', base, shifty, { guid: (a) => `${a.id}-${++fetches}` }) });
});
afterAll(() => server.close());
afterEach(() => h?.close());

async function addAndPoll(path: string, kind: 'feed' | 'page' = 'feed'): Promise<PollReport> {
  await h.store.addSource({ kind, location: `${base}${path}`, scope: 'global' }, h.clock.now());
  const [report] = await h.poller.pollDue();
  return report!;
}

describe('feed sources against a local news server', () => {
  it.each([
    ['/rss2.xml', 'Rss Two News'],
    ['/rss1.xml', 'Rdf News'],
    ['/atom.xml', 'Atom News'],
    ['/feed.json', 'Json News'],
    ['/gzip.xml', 'Gzip News'],
  ])('stores every item of %s with its title, link, author, date and outlet', async (path, outlet) => {
    h = harness();
    const report = await addAndPoll(path);
    expect(report).toMatchObject({ outcome: 'fetched', created: 3, skipped: [] });
    const stored = await h.store.articlesSince('2000-01-01T00:00:00Z');
    expect(stored).toHaveLength(3);
    const first = stored.find((a) => a.title.includes('measure 1 ('))!;
    expect(first.titleIsOwn).toBe(true);
    expect(first.meta).toMatchObject({ source: outlet, author: 'Reporter 1', published: '2025-12-26T06:00:00.000Z' });
    expect(first.meta.url).toMatch(/\/articles\/[a-z0-9]+-1\.html$/);
    expect(first.body).toContain('paragraph 4');
  });

  it('sends its User-Agent and asks conditionally the second time: 304, nothing stored twice', async () => {
    h = harness();
    await addAndPoll('/rss2.xml');
    h.clock.advance(15 * 60_000);
    const [second] = await h.poller.pollDue();
    expect(second).toEqual({ location: `${base}/rss2.xml`, outcome: 'not-modified' });
    const mine = server.requests.filter((r) => r.path === '/rss2.xml').slice(-2);
    expect(mine.map((r) => [r.status, r.conditional])).toEqual([[200, false], [304, true]]);
    expect(await h.store.countArticles()).toBe(3);
  });

  it('does not poll a feed again before its interval', async () => {
    h = harness();
    await addAndPoll('/atom.xml');
    h.clock.advance(14 * 60_000);
    expect(await h.poller.pollDue()).toEqual([]);
  });

  it('fetches the linked page for teaser items; facts missing on the page come from the feed', async () => {
    h = harness();
    const report = await addAndPoll('/teaser.xml');
    expect(report).toMatchObject({ outcome: 'fetched', created: 3, skipped: [] });
    const stored = await h.store.articlesSince('2000-01-01T00:00:00Z');
    for (const article of stored) {
      expect(article.body).toContain('paragraph 4');
      expect(article.body).not.toContain('Home');
      expect(article.meta.published).toMatch(/^2025-12-26T06:00:00/);
    }
    const noFacts = stored.find((a) => a.title.includes('measure 1 ('))!;
    expect(noFacts.meta).toMatchObject({ author: 'Reporter 1', source: 'Teaser News' });
  });

  it('stores a single article URL with its link', async () => {
    h = harness();
    const report = await addAndPoll('/articles/teaser-2.html', 'page');
    expect(report).toMatchObject({ outcome: 'fetched', created: 1 });
    const [article] = await h.store.articlesSince('2000-01-01T00:00:00Z');
    expect(article!.meta.url).toBe(`${base}/articles/teaser-2.html`);
    expect(article!.meta.author).toBe('Reporter 2');
  });

  it('keeps one article per item when the feed changes its guids on every fetch', async () => {
    h = harness();
    expect(await addAndPoll('/shifty.xml')).toMatchObject({ created: 2 });
    h.clock.advance(15 * 60_000);
    const [again] = await h.poller.pollDue();
    expect(again).toMatchObject({ outcome: 'fetched', created: 0, unchanged: 0 });
    expect(await h.store.countArticles()).toBe(2);
  });

  it.each([
    ['/malformed.xml', 'malformed feed (the XML or JSON is broken)'],
    ['/empty.html', 'not a feed'],
    ['/loop-a', 'redirect loop'],
    ['/chain-7', 'more than 5 redirects'],
    ['/huge', 'over the 10 MB limit'],
    ['/missing.xml', 'HTTP 404'],
  ])('refuses %s with a clear reason and stores nothing', async (path, reason) => {
    h = harness();
    const report = await addAndPoll(path);
    expect(report.outcome).toBe('failed');
    expect(report.outcome === 'failed' && report.reason).toContain(reason);
    expect(await h.store.countArticles()).toBe(0);
    expect((await h.store.getFetchState(`${base}${path}`))?.lastError).toContain(reason);
  });

  it('follows a short redirect chain', async () => {
    h = harness();
    expect(await addAndPoll('/chain-2')).toMatchObject({ outcome: 'fetched', created: 3 });
  });

  it('times out a server that never answers without holding up a source on another host', async () => {
    h = harness({ limits: { totalTimeoutMs: 700 } });
    const other = new NewsServer();
    const otherBase = await other.start();
    other.route('/rss2.xml', { body: rss2('Other', otherBase, [fakeArticle('other', 1)]) });
    try {
      await h.store.addSource({ kind: 'feed', location: `${base}/slow`, scope: 'global' }, h.clock.now());
      await h.store.addSource({ kind: 'feed', location: `${otherBase}/rss2.xml`, scope: 'global' }, h.clock.now());
      const reports = await h.poller.pollDue();
      expect(reports.find((r) => r.location.endsWith('/slow'))).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('no complete response within 0.7 s') });
      expect(reports.find((r) => r.location.startsWith(otherBase))).toMatchObject({ outcome: 'fetched', created: 1 });
    } finally {
      await other.close();
    }
  });

  it('skips a teaser whose page has no article, naming it, and stores the rest', async () => {
    h = harness();
    const teasers = [fakeArticle('nopage', 1), fakeArticle('nopage', 2)];
    const feed = rss2('Half News', base, teasers, { teaser: true }).replace(`${base}/articles/nopage-1.html`, `${base}/empty.html`);
    server.route('/half.xml', { body: feed }).route('/articles/nopage-2.html', { body: articlePage(teasers[1]!), contentType: 'text/html' });
    const report = await addAndPoll('/half.xml');
    expect(report).toMatchObject({ outcome: 'fetched', created: 1, skipped: [{ key: 'guid:nopage-1', reason: expect.stringContaining('empty.html: no article text (only 1 words') }] });
    const pageFetches = () => server.requests.filter((r) => r.path === '/empty.html').length;
    const before = pageFetches();
    server.route('/half.xml', { body: `${feed} ` });
    h.clock.advance(15 * 60_000);
    expect((await h.poller.pollDue())[0]).toMatchObject({ outcome: 'fetched', created: 0, skipped: [] });
    // The bad item is remembered with its reason, so its page is not fetched on every poll.
    expect(pageFetches()).toBe(before);
  });

  it('backs off after failures, tells the channels once after 3, and once again on recovery', async () => {
    h = harness();
    const location = `${base}/flaky.xml`;
    await h.store.addSource({ kind: 'feed', location, scope: 'slack:T1' }, h.clock.now());
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [report] = await h.poller.pollDue();
      expect(report).toMatchObject({ outcome: 'failed', failures: i + 1 });
      const state = (await h.store.getFetchState(location))!;
      gaps.push(Date.parse(state.nextFetchAt) - h.clock.now().getTime());
      h.clock.set(state.nextFetchAt);
    }
    expect(gaps).toEqual([15, 30, 60, 120].map((m) => m * 60_000));
    expect(h.notices).toEqual([{ kind: 'failing', location, scopes: ['slack:T1'], failures: 3, reason: `${location}: HTTP 404` }]);
    server.route('/flaky.xml', { body: rss2('Flaky', base, [fakeArticle('flaky', 1)]) });
    expect((await h.poller.pollDue())[0]).toMatchObject({ outcome: 'fetched', created: 1 });
    expect(h.notices.at(-1)).toEqual({ kind: 'recovered', location, scopes: ['slack:T1'] });
    const state = (await h.store.getFetchState(location))!;
    expect(state).toMatchObject({ failures: 0 });
    expect(state.lastError).toBeUndefined();
    expect(state.noticeSentAt).toBeUndefined();
  });

  it('dates the backlog of a newly added feed so only the look-back window counts as new', async () => {
    h = harness();
    const old = fakeArticle('backlog', 1, '2025-12-20T06:00:00Z');
    const fresh = fakeArticle('backlog', 2, '2025-12-26T07:00:00Z');
    const later = fakeArticle('backlog', 3, '2025-12-19T06:00:00Z');
    let items = [old, fresh];
    server.route('/backlog.xml', { body: () => rss2('Backlog', base, items) });
    await addAndPoll('/backlog.xml');
    const since = new Date(h.clock.now().getTime() - 24 * 3_600_000).toISOString();
    expect((await h.store.articlesSince(since)).map((a) => a.title)).toEqual([fresh.title]);
    expect((await h.store.articlesSince('2000-01-01T00:00:00Z')).find((a) => a.title === old.title)?.ingestedAt).toBe('2025-12-20T06:00:00.000Z');
    // After the first fetch, whatever appears is news when it appears, whatever date it carries.
    items = [old, fresh, later];
    h.clock.advance(15 * 60_000);
    await h.poller.pollDue();
    expect((await h.store.articlesSince(since)).map((a) => a.title)).toEqual([fresh.title, later.title]);
  });

  it('identifies itself with the configured User-Agent', async () => {
    const seen: string[] = [];
    const { createServer } = await import('node:http');
    const probe = createServer((req, res) => {
      seen.push(String(req.headers['user-agent']));
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    h = harness();
    const port = (probe.address() as { port: number }).port;
    await h.store.addSource({ kind: 'feed', location: `http://127.0.0.1:${port}/x`, scope: 'global' }, h.clock.now());
    await h.poller.pollDue();
    await new Promise<void>((r) => probe.close(() => r()));
    expect(seen).toEqual([userAgent]);
  });
});
