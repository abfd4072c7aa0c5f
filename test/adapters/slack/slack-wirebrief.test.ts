import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeArticle, rss2 } from '../../fakes/news-server/content.js';
import { NewsServer } from '../../fakes/news-server/news-server.js';
import { channel, eventually, startSlackHarness, type SlackHarness } from './harness.js';

type Json = Record<string, unknown>;
// The underscore of WIREBRIEF_ADMINS reaches Slack as a look-alike (escaping), so the check stops before it.
const refusal = 'Only workspace admins and owners, or people listed in WIREBRIEF';

describe('/wirebrief subcommands through Bolt against the fake Slack', () => {
  let h: SlackHarness;
  const news = new NewsServer();
  let base = '';
  beforeAll(async () => {
    h = await startSlackHarness();
    base = await news.start();
    news
      .route('/news.xml', { body: rss2('Slack Test News', base, [1, 2, 3, 4].map((n) => fakeArticle('slack', n))) })
      .route('/broken.xml', { body: '<rss version="2.0"><channel><item><title>x</item>' });
  });
  afterAll(async () => {
    await h.close();
    await news.close();
  });

  /** Runs `/wirebrief <text>` and returns what the app posted to the response_url, as the words a person reads. */
  async function wirebrief(text: string, user = 'UMEMBER'): Promise<{ body: Json; words: string }> {
    const before = h.fake.responses.length;
    const answer = await h.command('/wirebrief', text, { user });
    expect(answer.status).toBe(200);
    const response = await eventually(() => h.fake.responses[before]);
    expect(response.accepted).toBe(true);
    return { body: response.body, words: JSON.stringify(response.body.blocks ?? []) };
  }
  const workspaceSources = () => h.seeded.store.listSources({ scope: `slack:${h.fake.teamId}` });

  it.each(['subscribe 0 8 * * 1-5 Europe/Berlin', 'unsubscribe s123456', 'sources add http://127.0.0.1:9/feed.xml', 'sources remove s123456'])(
    'refuses "%s" to a member who is not an admin, ephemerally and without any change',
    async (text) => {
      const requests = news.arrived.length;
      const { body, words } = await wirebrief(text, 'UMEMBER');
      expect(body.response_type).toBe('ephemeral');
      expect(words).toContain(refusal);
      expect(await h.seeded.store.listSubscriptions({ platform: 'slack' })).toEqual([]);
      expect(await workspaceSources()).toEqual([]);
      expect(news.arrived.length).toBe(requests);
    },
  );

  it('lets an admin subscribe; subscriptions and status show it; unsubscribe stops it', async () => {
    const subscribed = await wirebrief('subscribe 0 8 * * 1-5 Europe/Berlin 3 missile', 'UADMIN');
    const id = /Subscribed \(id (s[a-z0-9]{6})\)/.exec(String(subscribed.body.text))![1]!;

    const listed = await wirebrief('subscriptions');
    expect(listed.body.response_type).toBe('ephemeral');
    expect(listed.words).toContain(`${id}: 0 8 ∗ ∗ 1-5 Europe/Berlin in ${channel} about \\"missile\\"`);
    expect(listed.words).toContain('not delivered yet');

    const status = await wirebrief('status');
    expect(status.words).toContain('Articles stored');
    expect(status.words).toContain(id);

    const stopped = await wirebrief(`unsubscribe ${id}`, 'UADMIN');
    expect(stopped.words).toContain(`Subscription ${id} stopped.`);
    expect((await wirebrief('subscriptions')).words).toContain('No subscriptions in this workspace yet.');
    const again = await wirebrief(`unsubscribe ${id}`, 'UADMIN');
    expect(again.words).toContain(`No subscription ${id} in this workspace`);
  });

  it('adds a feed from the local news server after checking it, lists it, refuses a broken URL with the reason, and removes it', async () => {
    const added = await wirebrief(`sources add ${base}/news.xml`, 'UADMIN');
    expect(added.words).toMatch(/Added feed Slack Test News as s[0-9a-z]{6}\. First items: /);
    expect(news.arrived).toContain('/news.xml');
    const [source] = await workspaceSources();
    expect(source).toMatchObject({ kind: 'feed', location: `${base}/news.xml`, title: 'Slack Test News' });

    const listed = await wirebrief('sources');
    expect(listed.words).toContain(`${source!.id}: Slack Test News`);
    expect(listed.words).toContain('Seeds folder');

    const broken = await wirebrief(`sources add ${base}/broken.xml`, 'UADMIN');
    expect(broken.words).toContain(`Not added: ${base}/broken.xml: malformed feed`);
    const notUrl = await wirebrief('sources add ftp://example.org/feed', 'UADMIN');
    expect(notUrl.words).toContain('Not added: ftp://example.org/feed: not an http or https URL');
    expect(await workspaceSources()).toHaveLength(1);

    expect((await wirebrief(`sources remove ${source!.id}`, 'UADMIN')).words).toContain(`Source ${source!.id} removed.`);
    expect(await workspaceSources()).toEqual([]);
  });

  it('adds a feed URL with a query as typed, although Slack sends its & as an entity', async () => {
    await wirebrief(`sources add ${base}/news.xml?edition=uk&amp;format=rss`, 'UADMIN');
    const [source] = await workspaceSources();
    expect(source?.location).toBe(`${base}/news.xml?edition=uk&format=rss`);
    await h.seeded.store.removeSource(`slack:${h.fake.teamId}`, source!.id);
  });

  it('shows a failing source with its last error in status and sources', async () => {
    const location = `${base}/gone.xml`;
    const { source } = await h.seeded.store.addSource({ kind: 'feed', location, scope: `slack:${h.fake.teamId}` }, new Date());
    const state = (await h.seeded.store.getFetchState(location))!;
    await h.seeded.store.saveFetchState({ ...state, failures: 4, lastError: `${location}: HTTP 404` });
    try {
      const status = await wirebrief('status');
      expect(status.words).toContain('Failing sources');
      expect(status.words).toContain(`failed 4 times in a row: ${location}: HTTP 404`);
      expect((await wirebrief('sources')).words).toContain(`${source.id}: ${location} (FAILING)`);
    } finally {
      await h.seeded.store.removeSource(`slack:${h.fake.teamId}`, source.id);
    }
  });

  it('answers help (and a bare /wirebrief) with every command', async () => {
    for (const text of ['help', '']) {
      const { body, words } = await wirebrief(text);
      expect(body.response_type).toBe('ephemeral');
      for (const line of ['/digest [topic]', '/wirebrief subscribe', '/wirebrief unsubscribe', '/wirebrief status', '/wirebrief sources add']) expect(words).toContain(line);
    }
  });

  it("links /article back to the original, the URL's & escaped for Slack", async () => {
    const before = h.fake.responses.length;
    await h.command('/article', h.seeded.pingId);
    const response = await eventually(() => h.fake.responses[before]);
    expect(JSON.stringify(response.body.blocks)).toContain('<https://pingtown.example/news/harbour-council?ref=rss&amp;page=1|Open original>');
  });
});
