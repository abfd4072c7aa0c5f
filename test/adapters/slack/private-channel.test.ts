import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestComposer } from '../../../src/cli/command-deps.js';
import type { ChannelRef } from '../../../src/core/digest.js';
import { deliveryKeyFor, parseSubscription, type Subscription, type SubscriptionId } from '../../../src/core/subscription.js';
import { DigestScheduler } from '../../../src/scheduler/digest-scheduler.js';
import { defaultRetryPolicy } from '../../../src/scheduler/retry-policy.js';
import { eventually, startSlackHarness, type SlackHarness } from './harness.js';

/** Ten seconds into the current minute, so every step of a test stays on the same `* * * * *` slot. */
const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000);
let nowMs = slot.getTime() + 10_000;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('digests in private channels', () => {
  let h: SlackHarness;
  let scheduler: DigestScheduler;
  beforeAll(async () => {
    h = await startSlackHarness();
    scheduler = new DigestScheduler({
      store: h.seeded.store,
      transports: new Map([['slack', h.slack.transport]]),
      clock: { now: () => new Date(nowMs), sleep: async () => undefined },
      owner: 'test-process',
      leaseMs: 60_000,
      retry: defaultRetryPolicy,
      log: quiet,
      catchUpHours: 6,
    });
  });
  afterAll(() => h.close());

  async function privateSubscription(n: number): Promise<Subscription> {
    const channel = h.fake.addChannel(`C0PRIV${n}`, `private-${n}`, true, true).id;
    const parsed = parseSubscription(
      { platform: 'slack', workspace: h.fake.teamId, channel, cron: '* * * * *', timeZone: 'UTC' },
      { id: `s-priv${n}` as SubscriptionId, now: new Date(slot.getTime() - 5 * 60_000), defaultTimeZone: 'UTC' },
    );
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    await h.seeded.store.addSubscription(parsed.subscription);
    return parsed.subscription;
  }
  const posted = (s: Subscription) => h.fake.messagesIn(s.channel.channel).filter((m) => m.metadata?.event_payload.delivery_key === deliveryKeyFor(s.id, slot));

  it('asks for groups:history in the manifest, so a digest reaches a private channel once', async () => {
    expect(h.fake.scopes.has('groups:history')).toBe(true);
    const subscription = await privateSubscription(1);
    expect(await scheduler.runDue(subscription)).toBe('sent');
    const sent = posted(subscription).length;
    expect(sent).toBeGreaterThan(0);
    expect(await scheduler.runDue(subscription)).toBe('already-done');
    expect(posted(subscription)).toHaveLength(sent);
  });

  it('keeps the digest pending, with the fix as its reason, while an older install lacks the scope; posts it once after the reinstall', async () => {
    const subscription = await privateSubscription(2);
    h.fake.scopes.delete('groups:history');
    try {
      expect(await scheduler.runDue(subscription)).toBe('retry-later');
      expect(posted(subscription)).toEqual([]);
      const record = await h.seeded.store.getDelivery(subscription.id, slot);
      expect(record).toMatchObject({ state: 'pending' });
      expect(record!.error).toContain('the Slack app lacks the groups:history scope, which private channels need: add it (slack-manifest.json lists it) and reinstall the app');
      expect((await h.seeded.store.getSubscription(subscription.id))!.status.state).toBe('active');

      // `/wirebrief subscriptions` (and status) says it too, so the admin does not need the server's logs.
      const before = h.fake.responses.length;
      await h.command('/wirebrief', 'subscriptions');
      const listing = JSON.stringify((await eventually(() => h.fake.responses[before])).body.blocks);
      expect(listing).toContain('(pending: cannot read channel C0PRIV2');
      expect(listing).toContain('lacks the groups:history scope');
    } finally {
      h.fake.scopes.add('groups:history');
    }
    expect(await scheduler.runDue(subscription)).toBe('sent');
    const sent = posted(subscription).length;
    expect(sent).toBeGreaterThan(0);
    expect(await scheduler.runDue(subscription)).toBe('already-done');
    expect(posted(subscription)).toHaveLength(sent);
  });

  it('never posts again when a crashed attempt had posted and the lookup is refused for the scope', async () => {
    const subscription = await privateSubscription(3);
    const key = deliveryKeyFor(subscription.id, slot);
    const target: ChannelRef = subscription.channel;
    // A process claims the slot, posts, and dies before recording it.
    await h.seeded.store.claimDelivery({ subscriptionId: subscription.id, slot, key, channel: target, owner: 'dead-process', leaseMs: 1_000, now: new Date(nowMs) });
    const digest = await digestComposer(h.seeded.store).composeNow({ channel: target, maxStories: 5, now: slot });
    await h.slack.transport.send(target, [{ type: 'digest', digest }], key);
    const sent = posted(subscription).length;
    nowMs += 2_000;

    h.fake.scopes.delete('groups:history');
    try {
      expect(await scheduler.runDue(subscription)).toBe('retry-later');
      expect(posted(subscription)).toHaveLength(sent);
    } finally {
      h.fake.scopes.add('groups:history');
    }
    expect(await scheduler.runDue(subscription)).toBe('reconciled');
    expect(posted(subscription)).toHaveLength(sent);
  });

  it('tells a person pressing Discuss in a private channel which scope is missing, instead of a vague apology', async () => {
    const channel = h.fake.addChannel('C0PRIV4', 'private-4', true, true).id;
    const root = (await h.slack.client.chat.postMessage({ channel, text: 'digest' })).ts!;
    h.fake.scopes.delete('groups:history');
    try {
      const before = h.fake.responses.length;
      await h.press({ value: `wb1:discuss:${h.seeded.seedStory}`, messageTs: root, channel });
      const answer = await eventually(() => h.fake.responses[before]);
      expect(answer.body.text).toContain('Wirebrief cannot do that here: the Slack app lacks the groups:history scope');
    } finally {
      h.fake.scopes.add('groups:history');
    }
  });
});
