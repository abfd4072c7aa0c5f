import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestScheduler } from '../../../src/scheduler/digest-scheduler.js';
import { latestSlot } from '../../../src/core/cron/cron-slots.js';
import { deliveryKeyFor, scheduleOf, type Subscription } from '../../../src/core/subscription.js';
import { collectingLog, subscription, type LogLine } from '../../scheduler/fixture.js';
import { ManualClock } from '../../scheduler/manual-clock.js';
import type { FakeChannel, FakeMessage } from '../../fakes/discord/state.js';
import { startHarness, type Harness } from './harness.js';

type Embed = { title?: string; description?: string; footer?: { text: string } };

let h: Harness;
let clock: ManualClock;
let scheduler: DigestScheduler;
const log: LogLine[] = [];
beforeAll(async () => {
  h = await startHarness();
  // The articles were stored just now; the clock starts there and only moves when the test says so.
  clock = new ManualClock(new Date().toISOString());
  scheduler = new DigestScheduler({
    store: h.store,
    transports: new Map([['discord', h.bot.transport]]),
    clock,
    owner: 'scheduler-under-test',
    leaseMs: 10 * 60_000,
    retry: { attempts: 3, baseDelayMs: 1_000, maxDelayMs: 8_000 },
    log: collectingLog(log),
    catchUpHours: 6,
  });
});
afterAll(async () => {
  await scheduler.stop();
  await h.close();
});

function hourly(id: string, channel: FakeChannel, threadMode: 'single' | 'per-story'): Subscription {
  const yesterday = new Date(clock.now().getTime() - 24 * 3_600_000).toISOString();
  return subscription(id, { platform: 'discord', workspace: h.fake.guildId, channel: channel.id, cron: '0 * * * *', timeZone: 'UTC', threadMode }, yesterday);
}

const postsTo = (channel: FakeChannel) => h.fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${channel.id}/messages`);
const embedsOf = (message: FakeMessage) => message.embeds as Embed[];

describe('a scheduled digest through the DigestScheduler and the real Discord transport', () => {
  it('delivers the due slot at start-up as valid embeds with buttons, once', async () => {
    const daily = hourly('sdisc01', h.channel, 'single');
    await h.store.addSubscription(daily);
    const outcomes = await scheduler.catchUp();
    expect(outcomes.get(daily.id)).toBe('sent');

    // The fake answers 50035 to anything over Discord's limits: every post was accepted.
    const posts = postsTo(h.channel);
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.map((c) => c.status)).toEqual(posts.map(() => 200));
    const key = deliveryKeyFor(daily.id, latestSlot(scheduleOf(daily), daily.timeZone, clock.now())!);
    posts.forEach((call, i) => expect(call.body).toMatchObject({ nonce: `${key}-${i + 1}`, enforce_nonce: true, allowed_mentions: { parse: [] } }));

    const messages = h.fake.state.messagesIn(h.channel.id);
    expect(messages[0]!.content).toMatch(/^\*\*Wirebrief digest, .*\*\* · .* · \d+ stor(y|ies)$/);
    expect(messages.flatMap((m) => embedsOf(m).map((e) => e.title)).join('\n')).toContain('Kim Jong Un');
    expect(JSON.stringify(messages.map((m) => m.components))).toMatch(/wb1:article:.*wb1:quotes:.*wb1:discuss:/);
    expect(messages.every((m) => !m.mention_everyone && m.mentions.length === 0)).toBe(true);
    expect(messages.map((m) => embedsOf(m).at(-1)?.footer?.text)).toEqual(messages.map((_, i) => `ref ${key} · part ${i + 1} of ${messages.length}`));

    const record = await h.store.latestDelivery(daily.id);
    expect(record).toMatchObject({ state: 'sent', sent: messages.map((m) => ({ channel: h.channel.id, messageId: m.id })) });
    // The next start-up (or tick) in the same hour finds the slot done and posts nothing.
    clock.advance(60_000);
    expect((await scheduler.catchUp()).get(daily.id)).toBe('already-done');
    expect(postsTo(h.channel)).toHaveLength(posts.length);
    expect(log.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('per-story mode posts a header, then each story as its own message for its own thread', async () => {
    const stories = h.fake.addChannel('stories');
    const threaded = hourly('sdisc02', stories, 'per-story');
    await h.store.addSubscription(threaded);
    expect(await scheduler.runDue(threaded)).toBe('sent');
    const messages = h.fake.state.messagesIn(stories.id);
    expect(postsTo(stories).map((c) => c.status)).toEqual(messages.map(() => 200));
    expect(embedsOf(messages[0]!)[0]?.title).toMatch(/^Wirebrief digest, /);
    const storyMessages = messages.slice(1);
    expect(storyMessages.length).toBeGreaterThan(0);
    for (const message of storyMessages) expect(JSON.stringify(message.components)).toContain('wb1:discuss:');
  });
});
