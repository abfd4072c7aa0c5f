import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeArticle, rss2 } from '../../fakes/news-server/content.js';
import { NewsServer } from '../../fakes/news-server/news-server.js';
import type { FakeInteraction } from '../../fakes/discord/state.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
const news = new NewsServer();
const items = [1, 2, 3].map((n) => fakeArticle('harbour', n));
beforeAll(async () => {
  h = await startHarness();
  const base = await news.start();
  news.route('/feed.xml', { body: rss2('Harbour Herald', base, items) });
  news.route('/about.txt', { body: 'Just a text file.', contentType: 'text/plain' });
});
afterAll(async () => {
  await h.close();
  await news.close();
});

/** What the asker sees, with Discord markdown escapes undone. */
const seen = (sent: FakeInteraction) => JSON.stringify([sent.original?.content, sent.original?.embeds]).replace(/\\\\/g, '');

async function wirebrief(options: Record<string, string>, as: 'admin' | 'member' = 'admin'): Promise<FakeInteraction> {
  const sent = h.fake.interact({ kind: 'command', name: 'wirebrief', subcommand: 'sources', options }, { channel: h.channel, as });
  // Adding fetches the URL first, so the answer may come as an edit after a deferral.
  await h.fake.until(() => sent.original && (sent.original.content !== '' || sent.original.embeds.length > 0) && sent, 'the sources answer', 10_000);
  return sent;
}

describe('/wirebrief sources on Discord', () => {
  it('registers add and remove as options of /wirebrief sources', () => {
    const registered = h.fake.state.guildCommands.get(h.fake.guildId)!.find((c) => c.name === 'wirebrief') as unknown as { options: { name: string; options?: { name: string }[] }[] };
    expect(registered.options.find((o) => o.name === 'sources')?.options?.map((o) => o.name)).toEqual(['add', 'remove']);
  });

  it('adds a feed served over HTTP and shows its first items; the list then has it', async () => {
    const url = `${news.base}/feed.xml`;
    const added = await wirebrief({ add: url });
    expect(seen(added)).toContain('Added feed Harbour Herald as');
    for (const item of items) expect(seen(added)).toContain(item.title);
    expect(news.requests.some((r) => r.path === '/feed.xml' && r.status === 200)).toBe(true);
    const listed = await wirebrief({});
    expect(seen(listed)).toContain('Harbour Herald');
    expect(seen(listed)).toContain(url);
    const again = await wirebrief({ add: url });
    expect(seen(again)).toContain('is already a source');
  });

  it('refuses a bad URL with the reason, and adds nothing', async () => {
    const notUrl = await wirebrief({ add: 'not-a-url' });
    expect(seen(notUrl)).toContain('Not added: not-a-url: not an http or https URL');
    const notFeed = await wirebrief({ add: `${news.base}/about.txt` });
    expect(seen(notFeed)).toMatch(/Not added: .*about\.txt/);
    const missing = await wirebrief({ add: `${news.base}/gone.xml` });
    expect(seen(missing)).toMatch(/Not added: .*404/);
    expect(seen(await wirebrief({}))).not.toContain('about.txt');
  });

  it('removes a source by its URL; a member may list but not change sources', async () => {
    const url = `${news.base}/feed.xml`;
    const refused = await wirebrief({ remove: url }, 'member');
    expect(seen(refused)).toContain('Only workspace admins');
    const removed = await wirebrief({ remove: url });
    expect(seen(removed)).toContain(`Source ${url} removed.`);
    expect(seen(await wirebrief({}, 'member'))).not.toContain('Harbour Herald');
    const unknown = await wirebrief({ remove: 'nosuchid' });
    expect(seen(unknown)).toContain('No source nosuchid in this workspace');
  });
});
