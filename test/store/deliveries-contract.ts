import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleId, StoryId } from '../../src/core/article.js';
import type { Digest } from '../../src/core/digest.js';
import { deliveryKeyFor, type SubscriptionId } from '../../src/core/subscription.js';
import type { Store } from '../../src/store/store.js';

const sub = 's1' as SubscriptionId;
const slot = new Date('2025-12-26T07:00:00Z');
const channel = { platform: 'local', workspace: 'local', channel: 'local' } as const;
const t = (minutes: number) => new Date(slot.getTime() + minutes * 60_000);
const claim = (store: Store, owner: string, at: Date) =>
  store.claimDelivery({ subscriptionId: sub, slot, key: deliveryKeyFor(sub, slot), channel, owner, leaseMs: 10 * 60_000, now: at });
const digest: Digest = {
  title: 'News',
  composedAt: slot.toISOString(),
  channel,
  stories: [
    {
      storyId: 'st1' as StoryId,
      headline: 'h',
      summary: [],
      sources: [
        { name: 'AFP', articleId: 'a1' as ArticleId },
        { name: 'Seoul dateline', articleId: 'a2' as ArticleId },
      ],
    },
  ],
};

/** The exactly-once delivery records every backend must keep; `open` returns a fresh, empty store. */
export function describeDeliveryStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`${name}: delivery records`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => store.close());

    it('claims once: a second owner is told the slot is busy while the lease lives', async () => {
      expect((await claim(store, 'p1', t(0))).outcome).toBe('claimed');
      const second = await claim(store, 'p2', t(1));
      expect(second.outcome).toBe('busy');
      expect(second.record.owner).toBe('p1');
    });

    it('gives a slot to exactly one of several owners claiming at once, and an expired claim to exactly one', async () => {
      const owners = Array.from({ length: 8 }, (_, i) => `p${i}`);
      const first = await Promise.all(owners.map((owner) => claim(store, owner, t(0))));
      expect(first.filter((r) => r.outcome === 'claimed')).toHaveLength(1);
      expect(first.filter((r) => r.outcome === 'busy')).toHaveLength(owners.length - 1);
      const takeover = await Promise.all(owners.map((owner) => claim(store, `${owner}-later`, t(11))));
      expect(takeover.filter((r) => r.outcome === 'claimed')).toHaveLength(1);
      expect((await store.getDelivery(sub, slot))?.attempts).toBe(2);
    });

    it('lets another owner take over an expired claim, marked resumed so it reconciles first', async () => {
      await claim(store, 'p1', t(0));
      const takeover = await claim(store, 'p2', t(11));
      expect(takeover).toMatchObject({ outcome: 'claimed', resumed: true, record: { owner: 'p2', attempts: 2 } });
      // The old owner can no longer complete: its claim is gone.
      await expect(store.completeDelivery(sub, slot, 'p1', { state: 'empty' }, t(12))).rejects.toThrow(/not claimed by p1/);
    });

    it('completes with message ids, records the stories per channel, and is then done for everyone', async () => {
      await claim(store, 'p1', t(0));
      expect(await store.saveComposed(sub, slot, 'p1', digest, t(0))).toBe(true);
      await store.completeDelivery(sub, slot, 'p1', { state: 'sent', sent: [{ channel: 'local', messageId: 'm1' }] }, t(1));
      const again = await claim(store, 'p2', t(30));
      expect(again).toMatchObject({ outcome: 'done', record: { state: 'sent', sent: [{ channel: 'local', messageId: 'm1' }], digest } });
      const sent = await store.sentSources(channel, ['st1' as StoryId, 'other' as StoryId]);
      expect([...sent.entries()].map(([k, v]) => [k, [...v].sort()])).toEqual([['st1', ['a1', 'a2']]]);
      expect((await store.sentSources(channel, ['st1' as StoryId], 'other-sub' as SubscriptionId)).size).toBe(0);
      expect(await store.lastComposedAt(channel)).toBe(t(0).toISOString());
      expect((await store.latestDelivery(sub))?.state).toBe('sent');
    });

    it('keeps a transient failure as pending with its error, and a permanent one as failed', async () => {
      await claim(store, 'p1', t(0));
      await store.releaseDelivery(sub, slot, 'p1', 'HTTP 503', t(1));
      expect(await store.getDelivery(sub, slot)).toMatchObject({ state: 'pending', error: 'HTTP 503' });
      expect(await claim(store, 'p1', t(2))).toMatchObject({ outcome: 'claimed', resumed: true });
      await store.failDelivery(sub, slot, 'p1', 'channel not found', t(3));
      expect(await claim(store, 'p1', t(4))).toMatchObject({ outcome: 'done', record: { state: 'failed', error: 'channel not found' } });
    });
  });
}
