import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channel, eventually, startSlackHarness, type SlackHarness } from './harness.js';

type Json = Record<string, unknown>;
const textOfBlocks = (body: Json) => JSON.stringify(body.blocks ?? []);

describe('Slack app (Bolt, HTTP mode) against the fake Slack', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(() => h.close());

  /** Runs a slash command and returns what the app posted to its response_url. */
  async function command(name: string, text: string, user?: string): Promise<Json> {
    const before = h.fake.responses.length;
    const answer = await h.command(name, text, user ? { user } : {});
    expect(answer.status).toBe(200);
    const response = await eventually(() => h.fake.responses[before]);
    expect(response.accepted).toBe(true);
    return response.body;
  }

  it('acks /news and answers through the response_url with valid blocks', async () => {
    const body = await command('/news', 'missile production');
    expect(body.response_type).toBe('ephemeral');
    for (const id of h.seeded.seedIds) expect(textOfBlocks(body)).toContain(id);
  });

  it('answers /article, /quote and /digest', async () => {
    expect(textOfBlocks(await command('/article', h.seeded.seedIds[0]!))).toContain('Korean');
    expect(textOfBlocks(await command('/quote', 'Kim Jong Un'))).toContain('paramount importance');
    const digest = await command('/digest', '');
    expect(textOfBlocks(digest)).toContain('wb1:discuss:');
  });

  it('posts article text escaped, so <!channel> and <@U…> in an article ping nobody', async () => {
    const body = textOfBlocks(await command('/article', h.seeded.pingId));
    expect(body).toContain('&lt;!channel&gt;');
    expect(body).toContain('&lt;!here&gt;');
    expect(body).toContain('&lt;@U999&gt;');
    expect(body).not.toMatch(/<!channel>|<!here>|<@U999>/);
  });

  it('checks admin rights with users.info before /wirebrief subscribe', async () => {
    const refused = await command('/wirebrief', 'subscribe 0 8 * * 1-5', 'UMEMBER');
    expect(textOfBlocks(refused)).toContain('Only workspace admins and owners');
    const done = await command('/wirebrief', 'subscribe 0 8 * * 1-5 Europe/Berlin', 'UADMIN');
    expect(done.response_type).toBe('in_channel');
    expect(done.text).toMatch(/^Subscribed \(id s[a-z0-9]{6}\)/);
    expect(h.fake.callsTo('users.info').map((c) => c.args.user)).toEqual(['UMEMBER', 'UADMIN']);
    const stored = await h.seeded.store.listSubscriptions({ platform: 'slack', channel });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.channel.workspace).toBe(h.fake.teamId);
  });

  it('pages an article in place with Next, and shares a page with the channel', async () => {
    await command('/article', h.seeded.longId);
    const before = h.fake.responses.length;
    await h.press({ value: `wb1:page:${h.seeded.longId}%3A2`, messageTs: '1.000001' });
    const next = await eventually(() => h.fake.responses[before]);
    expect(next.body).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(textOfBlocks(next.body)).toContain('2 of');
    await h.press({ value: `wb1:share:${h.seeded.longId}%3A2`, messageTs: '1.000001' });
    const shared = await eventually(() => h.fake.responses[before + 1]);
    expect(shared.body).toMatchObject({ replace_original: false, response_type: 'in_channel' });
  });

  it('Full article and Quotes buttons answer the person who pressed', async () => {
    const before = h.fake.responses.length;
    await h.press({ value: `wb1:article:${h.seeded.pingId}`, messageTs: '1.000001' });
    await h.press({ value: `wb1:quotes:${h.seeded.seedStory}`, messageTs: '1.000001' });
    await eventually(() => h.fake.responses[before + 1]);
    const bodies = h.fake.responses.slice(before).map((r) => textOfBlocks(r.body));
    expect(bodies.some((b) => b.includes('Harbour council meets'))).toBe(true);
    expect(bodies.some((b) => b.includes('paramount importance'))).toBe(true);
  });

  it('Discuss posts the story card in the digest message thread once, then points to it; mentions there answer for that story', async () => {
    const digest = await h.slack.client.chat.postMessage({ channel, text: 'digest' });
    const root = digest.ts!;
    const press = () => h.press({ value: `wb1:discuss:${h.seeded.seedStory}`, messageTs: root });
    const before = h.fake.responses.length;
    await press();
    const started = await eventually(() => h.fake.responses[before]);
    expect(started.body.text).toMatch(/^Discussion started: https:\/\/fake\.slack\.test\//);
    const cards = () => h.fake.messagesIn(channel).filter((m) => m.thread_ts === root);
    expect(cards()).toHaveLength(1);
    expect(cards()[0]!.metadata).toEqual({ event_type: 'wirebrief_story_card', event_payload: { story_id: h.seeded.seedStory } });

    await press();
    const pointed = await eventually(() => h.fake.responses[before + 1]);
    expect(pointed.body.text).toMatch(/^This story is already being discussed/);
    expect(cards()).toHaveLength(1);

    await h.mention('<@UBOT> quotes', { ts: '1766739700.000100', threadTs: root });
    const answer = await eventually(() => cards().find((m) => m.text.startsWith('1 quote') || /quotes? for/.test(m.text)));
    expect(JSON.stringify(answer.blocks)).toContain('paramount importance');

    await h.mention('<@UBOT> article', { ts: '1766739700.000200', threadTs: root });
    const article = await eventually(() => cards().find((m) => h.seeded.seedIds.some((id) => m.text.includes(`(${id})`))));
    expect(article.thread_ts).toBe(root);

    const beforeShortcut = h.fake.responses.length;
    await h.shortcut({ ts: cards()[0]!.ts, text: 'card', thread_ts: root });
    const viaShortcut = await eventually(() => h.fake.responses[beforeShortcut]);
    expect(textOfBlocks(viaShortcut.body)).toContain('Kim Jong Un');
  });

  it('falls back to chat.postEphemeral when the response_url has expired', async () => {
    const posted = h.fake.callsTo('chat.postEphemeral').length;
    // The command's response_url is issued now and expires before the app answers.
    const before = h.fake.responses.length;
    const answer = h.command('/news', 'missile');
    h.fake.advance(31 * 60 * 1000);
    expect((await answer).status).toBe(200);
    await eventually(() => (h.fake.callsTo('chat.postEphemeral').length > posted ? true : undefined));
    expect(h.fake.responses[before]?.accepted).toBe(false);
    expect(h.fake.callsTo('chat.postEphemeral').at(-1)!.args).toMatchObject({ channel, user: 'UMEMBER' });
  });

  it('refuses a forged signature and a 6-minute-old timestamp with 401, doing nothing', async () => {
    const calls = h.fake.calls.length;
    const responses = h.fake.responses.length;
    const forged = await h.command('/wirebrief', 'subscribe 0 9 * * *', { user: 'UADMIN', sign: { signature: `v0=${'0'.repeat(64)}` } });
    expect(forged.status).toBe(401);
    const stale = await h.command('/wirebrief', 'subscribe 0 9 * * *', { user: 'UADMIN', sign: { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 } });
    expect(stale.status).toBe(401);
    expect(h.fake.calls.length).toBe(calls);
    expect(h.fake.responses.length).toBe(responses);
    expect(await h.seeded.store.listSubscriptions({ platform: 'slack' })).toHaveLength(1);
  });

  it('never writes a token or the signing secret to the logs', async () => {
    expect(h.logs.join('\n')).toContain('response_url refused the reply');
    const all = h.logs.join('\n');
    expect(all).not.toContain(h.fake.botToken);
    expect(all).not.toContain('test-signing-secret');
    expect(all).not.toMatch(/xox[bp]-/);
  });
});
