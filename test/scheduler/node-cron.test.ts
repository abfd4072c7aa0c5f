import { createTask } from 'node-cron';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCron } from '../../src/core/cron/cron-expression.js';
import { slotsBetween } from '../../src/core/cron/cron-slots.js';
import type { TimeZone } from '../../src/core/subscription.js';
import type { DigestScheduler } from '../../src/scheduler/digest-scheduler.js';
import { harness, subscription, type Harness } from './fixture.js';

describe('node-cron, the runtime, agrees with our slot computation', () => {
  const cases: [string, string][] = [
    ['0 8 * * 1-5', 'Europe/Berlin'],
    ['30 2 * * *', 'America/New_York'],
    ['*/20 9-17 * * mon,wed', 'Asia/Kolkata'],
    ['0 0 1 * *', 'Australia/Lord_Howe'],
  ];
  it.each(cases)('%s in %s: the next 25 runs are the same instants', async (expression, zone) => {
    const task = createTask(expression, () => {}, { timezone: zone });
    try {
      const theirs = task.getNextRuns(25);
      const parsed = parseCron(expression);
      if (!parsed.ok) throw new Error(parsed.error);
      const ours = slotsBetween(parsed.spec, zone as TimeZone, new Date(theirs[0]!.getTime() - 1), theirs.at(-1)!);
      expect(ours.map((d) => d.toISOString())).toEqual(theirs.map((d) => d.toISOString()));
    } finally {
      await task.destroy();
    }
  });
});

describe('DigestScheduler with node-cron tasks', () => {
  let h: Harness;
  let scheduler: DigestScheduler | undefined;
  afterEach(async () => {
    await scheduler?.stop();
    await h?.store.close();
  });

  it('start catches up, schedules each active subscription, follows changes on refresh, and stop removes every task', async () => {
    h = await harness('2025-12-26T09:00:00Z');
    await h.store.addSubscription(subscription('s1'));
    await h.store.addSubscription(subscription('s2', { cron: '0 18 * * *' }));
    scheduler = h.process();
    await scheduler.start();
    expect(scheduler.scheduled().sort()).toEqual(['s1', 's2']);
    expect(h.transport.posts).toHaveLength(1); // s1's 08:00 slot, missed two hours ago

    await h.store.disableSubscription('s2', 'bot removed from the channel', h.clock.now());
    await h.store.addSubscription(subscription('s3', { cron: '0 12 * * *' }));
    await scheduler.refresh();
    expect(scheduler.scheduled().sort()).toEqual(['s1', 's3']);

    await scheduler.stop();
    expect(scheduler.scheduled()).toEqual([]);
  });
});
