import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/scheduler/delivery-error.js';
import { harness, subscription, type Harness } from './fixture.js';

describe('failed sends', () => {
  let h: Harness;
  afterEach(async () => h?.store.close());

  it('retries 429 (honouring Retry-After) and 5xx with backoff, then delivers', async () => {
    h = await harness('2025-12-26T07:00:00Z');
    const daily = subscription('s1');
    await h.store.addSubscription(daily);
    h.transport.failures.push(DeliveryError.transient('HTTP 429 rate limited', 5_000), DeliveryError.transient('HTTP 503'), new Error('socket hang up'));
    expect(await h.process().runDue(daily)).toBe('sent');
    expect(h.clock.sleeps).toEqual([5_000, 2_000, 4_000]);
    expect(h.transport.posts).toHaveLength(1);
  });

  it('does not sit on its claim through a long Retry-After: the slot stays pending for the next run', async () => {
    h = await harness('2025-12-26T07:00:00Z');
    const daily = subscription('s1');
    await h.store.addSubscription(daily);
    h.transport.failures.push(DeliveryError.transient('HTTP 429 rate limited', 15 * 60_000));
    expect(await h.process().runDue(daily)).toBe('retry-later');
    expect(h.clock.sleeps).toEqual([]);
    expect(await h.store.latestDelivery(daily.id)).toMatchObject({ state: 'pending', error: 'HTTP 429 rate limited' });
  });

  it('keeps a delivery that keeps failing as pending, and sends it on the next run: never lost', async () => {
    h = await harness('2025-12-26T07:00:00Z');
    const daily = subscription('s1');
    await h.store.addSubscription(daily);
    h.transport.failures.push(...Array.from({ length: 4 }, () => DeliveryError.transient('HTTP 502 bad gateway')));
    expect(await h.process().runDue(daily)).toBe('retry-later');
    expect(await h.store.latestDelivery(daily.id)).toMatchObject({ state: 'pending', error: 'HTTP 502 bad gateway' });
    expect(h.transport.posts).toEqual([]);
    h.clock.advance(5 * 60_000);
    expect((await h.process().catchUp()).get(daily.id)).toBe('sent');
    expect(h.transport.posts).toHaveLength(1);
  });

  it('a permanent failure disables the subscription with the reason, and it is not run again', async () => {
    h = await harness('2025-12-26T07:00:00Z');
    const daily = subscription('s1');
    await h.store.addSubscription(daily);
    h.transport.failures.push(DeliveryError.permanent('channel C1 was deleted (channel_not_found)'));
    expect(await h.process().runDue(daily)).toBe('disabled');
    expect(h.clock.sleeps).toEqual([]);
    expect((await h.store.getSubscription('s1'))?.status).toMatchObject({ state: 'disabled', reason: 'channel C1 was deleted (channel_not_found)' });
    h.clock.set('2025-12-27T07:00:00Z');
    expect((await h.process().catchUp()).size).toBe(0);
  });

  it('a slot whose platform has no connection in this process is left alone', async () => {
    h = await harness('2025-12-26T07:00:00Z');
    const slack = subscription('s1', { platform: 'slack', workspace: 'T1', channel: 'C1' });
    await h.store.addSubscription(slack);
    expect(await h.process().runDue(slack)).toBe('no-transport');
    expect(await h.store.latestDelivery(slack.id)).toBeUndefined();
  });
});
