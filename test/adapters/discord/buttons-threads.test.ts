import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeInteraction, FakeMessage } from '../../fakes/discord/state.js';
import { permission } from '../../fakes/discord/permissions.js';
import { seedStory, startHarness, type Harness } from './harness.js';

let h: Harness;
let digestPost: FakeMessage;
beforeAll(async () => {
  h = await startHarness();
  // A scheduled digest in the channel: the message every button below is pressed on.
  // One story per message, as a single-story digest posts it (the seed story; Pingtown's is about a harbour).
  const digest = await h.deps.digests.composeNow({ channel: { platform: 'discord', workspace: h.fake.guildId, channel: h.channel.id }, topic: 'missile', maxStories: 5, now: new Date() });
  const [ref] = await h.bot.transport.send(digest.channel, [{ type: 'digest', digest }], 'wbbuttons000000001' as never);
  digestPost = h.fake.state.findMessage(ref!.messageId)!;
});
afterAll(async () => {
  await h.close();
});

function buttonId(message: FakeMessage, kind: string): string {
  const ids = (message.components as { components: { custom_id: string }[] }[]).flatMap((r) => r.components.map((c) => c.custom_id));
  const id = ids.find((c) => c.startsWith(`wb1:${kind}:`));
  if (!id) throw new Error(`no ${kind} button among ${ids.join(', ')}`);
  return id;
}

async function press(message: FakeMessage, kind: string, channel = h.channel, appPermissions?: bigint): Promise<FakeInteraction> {
  const sent = h.fake.interact({ kind: 'button', customId: buttonId(message, kind), message }, { channel, ...(appPermissions ? { appPermissions } : {}) });
  await h.fake.until(() => sent.callback && (sent.callback.type !== 5 || sent.original?.content) && sent, `the answer to ${kind}`);
  return sent;
}

const visible = (m: FakeMessage | undefined) => JSON.stringify([m?.content, m?.embeds]).replace(/\\\\/g, '');

describe('Discord buttons and story threads', () => {
  it('Full article answers privately with the first page', async () => {
    const sent = await press(digestPost, 'article');
    expect(sent.callback).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(visible(sent.original)).toContain('Kim Jong Un');
  });

  it('Quotes answers with the story quotes and their speakers', async () => {
    const sent = await press(digestPost, 'quotes');
    expect(visible(sent.original)).toMatch(/Kim Jong Un/);
    expect(visible(sent.original)).toMatch(/Ahn Chan-il|An Chan-il/);
  });

  it('Next and Prev turn an article page in place (type 7 update)', async () => {
    const article = h.fake.interact({ kind: 'command', name: 'article', options: { query: h.pingId } }, { channel: h.channel });
    await h.fake.until(() => article.original, 'the article');
    const next = await press(article.original!, 'page');
    expect(next.callback?.type).toBe(7);
    expect(visible(next.original)).toMatch(/2 of \d/);
    const prev = await press(next.original!, 'page');
    expect(visible(prev.original)).toMatch(/1 of \d/);
  });

  it('Share in channel posts the page for everyone, pinging no one, without buttons that would page it for all', async () => {
    const article = h.fake.interact({ kind: 'command', name: 'article', options: { query: h.pingId } }, { channel: h.channel });
    await h.fake.until(() => article.original, 'the article');
    const next = await press(article.original!, 'page');
    const shared = await press(next.original!, 'share');
    expect(shared.callback?.type).toBe(4);
    expect(Number(shared.callback?.data?.flags ?? 0) & 64).toBe(0);
    expect(shared.callback?.data?.allowed_mentions).toEqual({ parse: [] });
    // The page shown is the one the button was on, and it is now a message in the channel.
    expect(visible(shared.original)).toMatch(/2 of \d/);
    expect(h.fake.state.messagesIn(h.channel.id)).toContain(shared.original);
    // The title, in the content where Discord parses mentions, says "@everyone" (escaped, and not parsed anyway).
    expect(shared.original?.content).toMatch(/@.?everyone/);
    expect(shared.original).toMatchObject({ mention_everyone: false, mentions: [] });
    expect(shared.original?.components).toEqual([]);
  });

  it('Discuss names the missing permission instead of failing when the bot cannot create threads', async () => {
    const bits = permission.viewChannel | permission.sendMessages | permission.embedLinks;
    const sent = await press(digestPost, 'discuss', h.channel, bits);
    expect(visible(sent.original)).toContain('Create Public Threads');
    expect([...h.fake.state.channels.values()].filter((c) => c.type === 11)).toHaveLength(0);
  });

  it('Discuss starts one thread per story, named from the headline, with the story card; pressing again links it', async () => {
    const first = await press(digestPost, 'discuss');
    const threads = [...h.fake.state.channels.values()].filter((c) => c.type === 11);
    expect(threads).toHaveLength(1);
    const thread = threads[0]!;
    // Started from the story's own message (Discord reuses the message id as the thread id).
    expect(thread.id).toBe(digestPost.id);
    expect(thread.name.length).toBeGreaterThan(0);
    expect(thread.name.length).toBeLessThanOrEqual(100);
    expect(thread.name).toContain('Kim Jong Un');
    expect(visible(first.original)).toContain(`<#${thread.id}>`);
    const card = h.fake.state.messagesIn(thread.id);
    expect(card).toHaveLength(1);
    expect(card[0]!.sent.allowed_mentions).toEqual({ parse: [] });
    expect(visible(card[0])).toContain('Kim Jong Un');
    const again = await press(digestPost, 'discuss');
    expect(visible(again.original)).toContain(`<#${thread.id}>`);
    expect([...h.fake.state.channels.values()].filter((c) => c.type === 11)).toHaveLength(1);
  });

  it('in a story thread, /quote with no words acts on that story', async () => {
    const thread = [...h.fake.state.channels.values()].find((c) => c.type === 11)!;
    const sent = h.fake.interact({ kind: 'command', name: 'quote' }, { channel: thread });
    await h.fake.until(() => sent.original, 'the quotes');
    expect(visible(sent.original)).toContain('Kim Jong Un');
    expect(h.bot.interactions.threads.existing(h.channel.id, seedStory)).toBe(thread.id);
  });

  it('a forged button payload gets a polite notice, not an error', async () => {
    const forged = { ...digestPost, components: [{ type: 1, components: [{ type: 2, style: 2, label: 'x', custom_id: 'wb1:discuss:%%%' }] }] };
    const sent = h.fake.interact({ kind: 'button', customId: 'wb1:discuss:%%%', message: forged }, { channel: h.channel });
    await h.fake.until(() => sent.original, 'the notice');
    expect(visible(sent.original)).toContain('no longer works');
    expect(h.logs).toEqual([]);
  });
});
