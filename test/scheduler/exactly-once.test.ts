import { afterEach, describe, expect, it } from 'vitest';
import { harness, subscription, type Harness } from './fixture.js';

describe('exactly once per (subscription, slot)', () => {
  let h: Harness;
  afterEach(async () => h?.store.close());

  it('a process killed between posting and recording is reconciled on restart without posting twice', async () => {
    h = await harness('2025-12-26T07:00:00Z');
    const daily = subscription('s1');
    await h.store.addSubscription(daily);
    h.transport.hangAfterPosting = true;
    // The first process claims, composes, posts — and never gets to record it (its promise is abandoned).
    void h.process('doomed').runDue(daily);
    // Let it run up to the post (I/O-free awaits only, so a bounded number of turns is enough).
    for (let turn = 0; turn < 100 && h.transport.posts.length === 0; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(h.transport.posts).toHaveLength(1);
    h.transport.hangAfterPosting = false;

    // While the dead process's lease lives, a restarted one leaves the slot alone.
    h.clock.advance(60_000);
    expect(await h.process().runDue(daily)).toBe('busy');
    // After the lease, it asks the platform, finds the post and records it.
    h.clock.advance(10 * 60_000);
    expect(await h.process().runDue(daily)).toBe('reconciled');
    expect(h.transport.posts).toHaveLength(1);
    const record = await h.store.getDelivery(daily.id, new Date('2025-12-26T07:00:00Z'));
    expect(record).toMatchObject({ state: 'sent', sent: [{ channel: 'local', messageId: 'm1.0' }] });
    // The story counts as sent to the channel: tomorrow's digest does not repeat it.
    h.clock.set('2025-12-27T07:00:00Z');
    expect(await h.process().runDue(daily)).toBe('empty');
    expect(h.transport.posts).toHaveLength(1);
  });

  it('skips a run that overlaps one still in progress', async () => {
    h = await harness('2025-12-26T07:00:00Z');
    const daily = subscription('s1');
    await h.store.addSubscription(daily);
    let open!: () => void;
    h.transport.gate = new Promise((resolve) => (open = resolve));
    const scheduler = h.process();
    const first = scheduler.runDue(daily);
    expect(await scheduler.runDue(daily)).toBe('overlap-skipped');
    open();
    expect(await first).toBe('sent');
    expect(h.transport.posts).toHaveLength(1);
    expect(h.log.some((l) => l.level === 'warn' && /still in progress/.test(l.message))).toBe(true);
  });

  it('two processes sharing the store: the second finds the slot done', async () => {
    h = await harness('2025-12-26T07:00:00Z');
    const daily = subscription('s1');
    await h.store.addSubscription(daily);
    const [a, b] = [h.process('a'), h.process('b')];
    const outcomes = [await a.runDue(daily), await b.runDue(daily)];
    expect(outcomes).toEqual(['sent', 'already-done']);
    expect(h.transport.posts).toHaveLength(1);
  });

  it('a fall-back repeated 01:30 is delivered once: the second pass through 01:30 finds the slot done', async () => {
    h = await harness('2025-11-02T05:30:00Z', '2025-11-02T04:00:00Z');
    const nightly = subscription('s1', { cron: '30 1 * * *', timeZone: 'America/New_York' }, '2025-10-01T00:00:00Z');
    await h.store.addSubscription(nightly);
    const scheduler = h.process();
    expect(await scheduler.runDue(nightly)).toBe('sent'); // 01:30 EDT
    h.clock.set('2025-11-02T06:30:00Z'); // 01:30 EST, the same wall-clock time again
    expect(await scheduler.runDue(nightly)).toBe('already-done');
    expect(h.transport.posts).toHaveLength(1);
  });
});
