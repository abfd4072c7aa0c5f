import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelRef, Digest } from '../../../src/core/digest.js';
import type { DeliveryKey } from '../../../src/scheduler/transport.js';
import { DeliveryError } from '../../../src/scheduler/delivery-error.js';
import { permission } from '../../fakes/discord/permissions.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let target: ChannelRef;
let digest: Digest;
beforeAll(async () => {
  h = await startHarness();
  target = { platform: 'discord', workspace: h.fake.guildId, channel: h.channel.id };
  digest = await h.deps.digests.composeNow({ channel: target, maxStories: 5, now: new Date() });
});
afterAll(async () => {
  await h.close();
});

let keys = 0;
const nextKey = () => `wbdelivery${String(++keys).padStart(8, '0')}` as DeliveryKey;
const posts = () => h.fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${h.channel.id}/messages`);

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('Discord digest delivery', () => {
  it('posts a scheduled digest as valid embeds with buttons, a nonce from the key and enforce_nonce', async () => {
    const key = nextKey();
    const sent = await h.bot.transport.send(target, [{ type: 'digest', digest }], key);
    expect(sent).toHaveLength(1);
    const message = h.fake.state.findMessage(sent[0]!.messageId)!;
    expect(message.embeds.length).toBeGreaterThan(0);
    expect(JSON.stringify(message.components)).toMatch(/wb1:article:.*wb1:quotes:.*wb1:discuss:/);
    expect(message.sent).toMatchObject({ nonce: `${key}-1`, enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect((message.embeds as { footer?: { text: string } }[]).at(-1)?.footer?.text).toBe(`ref ${key} · part 1 of 1`);
    expect(String(message.nonce).length).toBeLessThanOrEqual(25);
    expect(message.mention_everyone).toBe(false);
  });

  it('a resend with the same delivery key returns the first message instead of posting again', async () => {
    const key = nextKey();
    const first = await h.bot.transport.send(target, [{ type: 'digest', digest }], key);
    const again = await h.bot.transport.send(target, [{ type: 'digest', digest }], key);
    expect(again).toEqual(first);
    expect(h.fake.state.messagesIn(h.channel.id).filter((m) => m.id === first[0]!.messageId)).toHaveLength(1);
  });

  it('findSent finds what a delivery posted, and nothing for a key never sent', async () => {
    const key = nextKey();
    const sent = await h.bot.transport.send(target, [{ type: 'digest', digest }], key);
    await expect(h.bot.transport.findSent(target, key)).resolves.toEqual(sent);
    await expect(h.bot.transport.findSent(target, nextKey())).resolves.toBeUndefined();
  });

  it('a message filled to the embed limit still carries its marker, so findSent finds every part', async () => {
    // A full-length title and fields adding up to exactly 6000 characters with it, had the renderer reserved nothing.
    const fields = Array.from({ length: 16 }, () => ({ label: 'F', value: 'v'.repeat(717) }));
    const reply = { visibility: 'channel' as const, summary: 'Full', blocks: [{ kind: 'heading' as const, text: 'T'.repeat(256) }, { kind: 'fields' as const, fields }] };
    const key = nextKey();
    const sent = await h.bot.transport.send(target, [{ type: 'reply', reply }], key);
    expect(sent.length).toBeGreaterThan(1);
    const footers = sent.map((ref) => (h.fake.state.findMessage(ref.messageId)!.embeds as { footer?: { text: string } }[]).at(-1)?.footer?.text);
    expect(footers).toEqual(sent.map((_, i) => `ref ${key} · part ${i + 1} of ${sent.length}`));
    await expect(h.bot.transport.findSent(target, key)).resolves.toEqual(sent);
  });

  it('findSent reports nothing while only some parts are posted, and a resend posts just the rest', async () => {
    const fields = Array.from({ length: 16 }, () => ({ label: 'F', value: 'v'.repeat(717) }));
    const reply = { visibility: 'channel' as const, summary: 'Parts', blocks: [{ kind: 'fields' as const, fields }] };
    const key = nextKey();
    h.fake.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, after: 1, fault: { kind: 'unknown-channel' } });
    await failure(h.bot.transport.send(target, [{ type: 'reply', reply }], key));
    await expect(h.bot.transport.findSent(target, key)).resolves.toBeUndefined();
    const before = posts().length;
    const sent = await h.bot.transport.send(target, [{ type: 'reply', reply }], key);
    expect(posts().length - before).toBe(sent.length - 1);
    await expect(h.bot.transport.findSent(target, key)).resolves.toEqual(sent);
  });

  it('waits out a 429 as @discordjs/rest does, then succeeds', async () => {
    const before = posts().length;
    h.fake.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, fault: { kind: 'rate-limit', retryAfterMs: 300 } });
    const sent = await h.bot.transport.send(target, [{ type: 'digest', digest }], nextKey());
    expect(sent).toHaveLength(1);
    expect(posts().slice(before).map((c) => c.status)).toEqual([429, 200]);
  });

  it('retries 5xx and succeeds', async () => {
    const before = posts().length;
    h.fake.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, fault: { kind: 'server-error', status: 502 }, times: 2 });
    await h.bot.transport.send(target, [{ type: 'digest', digest }], nextKey());
    expect(posts().slice(before).map((c) => c.status)).toEqual([502, 502, 200]);
  });

  it('a 5xx that outlasts the retries is a transient failure (the scheduler tries later)', async () => {
    h.fake.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, fault: { kind: 'server-error' }, times: 4 });
    const error = await failure(h.bot.transport.send(target, [{ type: 'digest', digest }], nextKey()));
    expect(error.kind).toBe('transient');
  });

  it('10003 Unknown Channel is permanent, with a reason naming the channel', async () => {
    const error = await failure(h.bot.transport.send({ ...target, channel: '999999999999999999' }, [{ type: 'digest', digest }], nextKey()));
    expect(error.kind).toBe('permanent');
    expect(error.reason).toContain('999999999999999999');
    expect(error.reason).toContain('Unknown Channel');
  });

  it('50013 Missing Permissions tells the admin which permission the bot lacks', async () => {
    h.fake.setRolePermissions({ everyone: permission.viewChannel | permission.readMessageHistory, bot: permission.embedLinks });
    await h.fake.until(() => !h.bot.client.guilds.cache.get(h.fake.guildId)?.members.me?.permissions.has('SendMessages'), 'the role update');
    h.fake.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, fault: { kind: 'missing-permissions' } });
    const error = await failure(h.bot.transport.send(target, [{ type: 'digest', digest }], nextKey()));
    expect(error.kind).toBe('permanent');
    expect(error.reason).toContain('Send Messages');
    expect(error.reason).not.toContain('Embed Links');
    expect(error.reason).not.toContain(h.fake.token);
  });
});
