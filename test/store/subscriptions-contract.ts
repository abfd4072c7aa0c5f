import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSubscription, type Subscription, type SubscriptionId } from '../../src/core/subscription.js';
import type { Store } from '../../src/store/store.js';

const now = new Date('2025-12-26T08:00:00Z');

function subscription(id: string, input: Partial<Parameters<typeof parseSubscription>[0]> = {}): Subscription {
  const parsed = parseSubscription({ cron: '0 8 * * 1-5', timeZone: 'Europe/Berlin', ...input }, { id: id as SubscriptionId, now, defaultTimeZone: 'UTC' });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.subscription;
}

/** The subscription store every backend must be; `open` returns a fresh, empty store. */
export function describeSubscriptionStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`${name}: subscription store`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => store.close());

    it('round-trips every field and lists by channel', async () => {
      const full = subscription('s1', { platform: 'slack', workspace: 'T1', channel: 'C1', maxStories: 3, topic: 'missile, source:AFP', threadMode: 'per-story', noNewsNote: true });
      await store.addSubscription(full);
      await store.addSubscription(subscription('s2'));
      expect(await store.getSubscription('S1')).toEqual(full);
      expect((await store.listSubscriptions({ platform: 'slack', workspace: 'T1' })).map((s) => s.id)).toEqual(['s1']);
      expect((await store.listSubscriptions()).map((s) => s.id)).toEqual(['s1', 's2']);
      expect(full.topic).toEqual({ keywords: ['missile'], sources: ['AFP'] });
    });

    it('disables with a reason, re-enables, and removes', async () => {
      await store.addSubscription(subscription('s1'));
      await store.disableSubscription('s1', 'channel C1 was deleted', now);
      expect((await store.getSubscription('s1'))?.status).toEqual({ state: 'disabled', reason: 'channel C1 was deleted', since: now.toISOString() });
      expect(await store.listSubscriptions({ state: 'active' })).toEqual([]);
      await store.enableSubscription('s1');
      expect((await store.getSubscription('s1'))?.status).toEqual({ state: 'active' });
      expect(await store.removeSubscription('s1')).toBe(true);
      expect(await store.removeSubscription('s1')).toBe(false);
      expect(await store.getSubscription('s1')).toBeUndefined();
    });

    it('refuses a second subscription with the same id, in any case', async () => {
      await store.addSubscription(subscription('s1'));
      await expect(store.addSubscription(subscription('s1'))).rejects.toThrow(/unique/i);
      await expect(store.addSubscription(subscription('S1'))).rejects.toThrow(/unique/i);
      expect((await store.listSubscriptions()).map((s) => s.id)).toEqual(['s1']);
    });
  });
}
