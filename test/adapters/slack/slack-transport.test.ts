import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestComposer } from '../../../src/cli/command-deps.js';
import type { ChannelRef } from '../../../src/core/digest.js';
import type { Outgoing } from '../../../src/core/message.js';
import { deliveryKeyFor, parseSubscription, type SubscriptionId } from '../../../src/core/subscription.js';
import { DeliveryError } from '../../../src/scheduler/delivery-error.js';
import { DigestScheduler } from '../../../src/scheduler/digest-scheduler.js';
import { defaultRetryPolicy } from '../../../src/scheduler/retry-policy.js';
import { checkMessage } from '../../fakes/slack/block-kit-rules.js';
import { channel, startSlackHarness, type SlackHarness } from './harness.js';

describe('Slack digest transport', () => {
  let h: SlackHarness;
  let digest: Outgoing;
  const slot = new Date('2025-12-26T07:00:00Z');
  let target: ChannelRef;
  beforeAll(async () => {
    h = await startSlackHarness();
    target = { platform: 'slack', workspace: h.fake.teamId, channel };
    digest = { type: 'digest', digest: await digestComposer(h.seeded.store).composeNow({ channel: target, maxStories: 5, now: slot }) };
  });
  afterAll(() => h.close());

  const key = (n: number) => deliveryKeyFor(`s-test${n}` as SubscriptionId, slot);

  it('posts the digest as valid Block Kit with the delivery key in metadata, and never twice for one key', async () => {
    const sent = await h.slack.transport.send(target, [digest], key(1));
    expect(sent.length).toBeGreaterThan(0);
    const posted = h.fake.messagesIn(channel).filter((m) => m.metadata?.event_payload.delivery_key === key(1));
    expect(posted.map((m) => m.ts)).toEqual(sent.map((r) => r.messageId));
    expect(JSON.stringify(posted[0]!.blocks)).toContain('wb1:discuss:');
    expect(posted[0]!.metadata!.event_payload.story_ids).toContain(h.seeded.seedStory);

    const calls = h.fake.callsTo('chat.postMessage').length;
    expect(await h.slack.transport.send(target, [digest], key(1))).toEqual(sent);
    expect(await h.slack.transport.findSent(target, key(1))).toEqual(sent);
    expect(h.fake.callsTo('chat.postMessage').length).toBe(calls);
    expect(await h.slack.transport.findSent(target, key(2))).toBeUndefined();
  });

  it('delivers a scheduled digest through the scheduler as valid Block Kit, once per slot', async () => {
    const now = new Date();
    const parsed = parseSubscription(
      { platform: 'slack', workspace: h.fake.teamId, channel, cron: '* * * * *', timeZone: 'UTC' },
      { id: 's-sched' as SubscriptionId, now: new Date(now.getTime() - 5 * 60_000), defaultTimeZone: 'UTC' },
    );
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    await h.seeded.store.addSubscription(parsed.subscription);
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const scheduler = new DigestScheduler({
      store: h.seeded.store,
      transports: new Map([['slack', h.slack.transport]]),
      clock: { now: () => now, sleep: async () => undefined },
      owner: 'test',
      leaseMs: 60_000,
      retry: defaultRetryPolicy,
      log,
      catchUpHours: 6,
    });
    expect(await scheduler.runDue(parsed.subscription)).toBe('sent');
    const slot = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    const posted = h.fake.messagesIn(channel).filter((m) => m.metadata?.event_payload.delivery_key === deliveryKeyFor(parsed.subscription.id, slot));
    expect(posted.length).toBeGreaterThan(0);
    for (const message of posted) expect(checkMessage(message)).toBeUndefined();
    expect(JSON.stringify(posted.map((m) => m.blocks))).toContain(`wb1:discuss:${h.seeded.seedStory}`);
    const calls = h.fake.callsTo('chat.postMessage').length;
    expect(await scheduler.runDue(parsed.subscription)).toBe('already-done');
    expect(h.fake.callsTo('chat.postMessage').length).toBe(calls);
  });

  it('waits out a 429 (Retry-After) and delivers once', async () => {
    h.fake.failNext('chat.postMessage', { kind: 'rate_limited', retryAfter: 1 });
    const sent = await h.slack.transport.send(target, [digest], key(3));
    expect(h.fake.callsTo('chat.postMessage').slice(-2).map((c) => c.outcome)).toEqual(['429', 'ok']);
    expect(h.fake.messagesIn(channel).filter((m) => m.metadata?.event_payload.delivery_key === key(3))).toHaveLength(sent.length);
  });

  it('retries a 5xx and reports a persistent one as transient', async () => {
    h.fake.failNext('chat.postMessage', { kind: 'server_error', status: 503 });
    await h.slack.transport.send(target, [digest], key(4));
    expect(await h.slack.transport.findSent(target, key(4))).toBeDefined();
    h.fake.failNext('chat.postMessage', { kind: 'server_error', status: 500 }, 3);
    const error = await h.slack.transport.send(target, [digest], key(5)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ kind: 'transient' });
  });

  it('turns not_in_channel into a permanent failure that tells the admin to invite the bot', async () => {
    h.fake.addChannel('C0OUTSIDE', 'outside', false);
    const error = await h.slack.transport.send({ ...target, channel: 'C0OUTSIDE' }, [digest], key(6)).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'permanent', reason: 'the Wirebrief bot is not a member of channel C0OUTSIDE: invite it there with /invite @Wirebrief' });
  });

  it('turns channel_not_found and account_inactive into permanent failures, with no token in the reason', async () => {
    const gone = await h.slack.transport.send({ ...target, channel: 'C0DELETED' }, [digest], key(7)).catch((e: unknown) => e);
    expect(gone).toMatchObject({ kind: 'permanent', reason: 'channel C0DELETED no longer exists or the bot cannot see it' });
    h.fake.failNext('conversations.history', { kind: 'error', error: 'account_inactive' });
    const inactive = (await h.slack.transport.send(target, [digest], key(8)).catch((e: unknown) => e)) as DeliveryError;
    expect(inactive).toMatchObject({ kind: 'permanent' });
    expect(inactive.reason).not.toContain(h.fake.botToken);
  });

  it('after a failure mid-delivery, findSent says not sent and a resend posts only the missing part', async () => {
    const twoParts: Outgoing[] = [digest, { type: 'reply', reply: { visibility: 'channel', summary: 'part two', blocks: [{ kind: 'text', text: 'part two' }] } }];
    const parts = () => h.fake.messagesIn(channel).filter((m) => m.metadata?.event_payload.delivery_key === key(9));
    h.fake.failNext('chat.postMessage', { kind: 'error', error: 'fatal_error' }, 1, 1);
    await expect(h.slack.transport.send(target, twoParts, key(9))).rejects.toMatchObject({ kind: 'transient' });
    expect(parts()).toHaveLength(1);
    expect(await h.slack.transport.findSent(target, key(9))).toBeUndefined();
    const sent = await h.slack.transport.send(target, twoParts, key(9));
    expect(parts().map((m) => m.ts)).toEqual(sent.map((r) => r.messageId));
    expect(parts().map((m) => m.metadata!.event_payload.part)).toEqual([0, 1]);
  });
});
