import { afterEach, describe, expect, it } from 'vitest';
import { deliveryKeyFor, type SubscriptionId } from '../../src/core/subscription.js';
import { harness, subscription, type Harness } from './fixture.js';

describe('catch-up after downtime', () => {
  let h: Harness;
  afterEach(async () => h?.store.close());

  it('a restart after a 3-hour outage delivers the missed 08:00 slot once, and a second restart does not repeat it', async () => {
    // 10:00Z is 11:00 in Berlin: the 08:00 slot (07:00Z) was missed three hours ago.
    h = await harness('2025-12-26T10:00:00Z');
    const daily = subscription('s1');
    await h.store.addSubscription(daily);
    expect((await h.process().catchUp()).get(daily.id)).toBe('sent');
    expect(h.transport.posts.map((p) => p.key)).toEqual([deliveryKeyFor(daily.id, new Date('2025-12-26T07:00:00Z'))]);
    expect((await h.process().catchUp()).get(daily.id)).toBe('already-done');
    expect(h.transport.posts).toHaveLength(1);
  });

  it('after a 3-day outage only the latest slot is delivered, not one per missed day', async () => {
    h = await harness('2025-12-26T09:00:00Z');
    const daily = subscription('s1');
    await h.store.addSubscription(daily);
    expect((await h.process().catchUp()).get(daily.id)).toBe('sent');
    expect(h.transport.posts).toHaveLength(1);
    expect(await h.store.getDelivery(daily.id, new Date('2025-12-25T07:00:00Z'))).toBeUndefined();
    expect((await h.store.latestDelivery(daily.id))?.slot).toBe('2025-12-26T07:00:00.000Z');
  });

  it('a slot older than the catch-up window is not sent late', async () => {
    // 15:00Z: the 07:00Z slot is 8 hours old, beyond the 6-hour window.
    h = await harness('2025-12-26T15:00:00Z');
    const daily = subscription('s1');
    await h.store.addSubscription(daily);
    expect((await h.process().catchUp()).get(daily.id)).toBe('outside-catch-up-window');
    expect(h.transport.posts).toEqual([]);
  });

  it('a subscription created after the latest slot waits for its first one', async () => {
    h = await harness('2025-12-26T10:00:00Z');
    const fresh = subscription('s1', {}, '2025-12-26T09:00:00Z');
    await h.store.addSubscription(fresh);
    expect((await h.process().catchUp()).get(fresh.id)).toBe('no-slot');
  });

  it('delivers a weekday schedule on Monday for the missed Monday slot, not for the weekend', async () => {
    // Mon 29 Dec 2025, 10:00Z; stories stored Sunday evening.
    h = await harness('2025-12-29T10:00:00Z', '2025-12-28T20:00:00Z');
    const weekdays = subscription('s1', { cron: '0 8 * * 1-5' });
    await h.store.addSubscription(weekdays);
    expect((await h.process().catchUp()).get(weekdays.id)).toBe('sent');
    expect((await h.store.latestDelivery('s1' as SubscriptionId))?.slot).toBe('2025-12-29T07:00:00.000Z');
  });
});
