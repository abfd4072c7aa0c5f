import { afterEach, describe, expect, it } from 'vitest';
import type { StoryId } from '../../../src/core/article.js';
import { digestMessages } from '../../../src/core/compose/digest-messages.js';
import type { ChannelRef, Digest } from '../../../src/core/digest.js';
import { deliveryKeyFor } from '../../../src/core/subscription.js';
import { DigestScheduler } from '../../../src/scheduler/digest-scheduler.js';
import type { DigestTransport } from '../../../src/scheduler/transport.js';
import { seedStory } from '../../render/fixtures.js';
import { collectingLog, subscription, type LogLine } from '../../scheduler/fixture.js';
import { ManualClock } from '../../scheduler/manual-clock.js';
import type { FakeMessage } from '../../fakes/discord/state.js';
import { startHarness, type Harness } from './harness.js';

const slot = new Date('2025-12-26T07:00:00Z');
const leaseMs = 10 * 60_000;
const messagesPath = /^\/channels\/\d+\/messages$/;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** 60 distinct stories: the Discord renderer needs a dozen messages for them (five stories' buttons per message). */
function sixtyStoryDigest(channel: ChannelRef): Digest {
  const stories = Array.from({ length: 60 }, (_, i) => ({ ...seedStory, storyId: `st${String(i + 1).padStart(5, '0')}` as StoryId, headline: `Story ${i + 1}: ${seedStory.headline}` }));
  return { title: 'Wirebrief digest', composedAt: slot.toISOString(), channel, stories };
}

/** A scheduler process with its own owner id, posting through `transport`. */
function processWith(harness: Harness, clock: ManualClock, transport: DigestTransport, owner: string, log: LogLine[]): DigestScheduler {
  return new DigestScheduler({
    store: harness.store,
    transports: new Map([['discord', transport]]),
    clock,
    owner,
    leaseMs,
    retry: { attempts: 4, baseDelayMs: 1_000, maxDelayMs: 8_000 },
    log: collectingLog(log),
    catchUpHours: 6,
  });
}

function partOf(message: FakeMessage): string | undefined {
  const embeds = message.embeds as { footer?: { text?: string } }[];
  return embeds.at(-1)?.footer?.text;
}

/**
 * The first steps of the first process's delivery: it claims the slot and saves the digest it composed, so that
 * every attempt posts the same one (a 60-story digest; a subscription composes at most 10 stories).
 */
async function claimAndCompose(harness: Harness, clock: ManualClock) {
  const target: ChannelRef = { platform: 'discord', workspace: harness.fake.guildId, channel: harness.channel.id };
  const daily = subscription('sdiscord', { platform: 'discord', workspace: target.workspace, channel: target.channel });
  await harness.store.addSubscription(daily);
  const key = deliveryKeyFor(daily.id, slot);
  await harness.store.claimDelivery({ subscriptionId: daily.id, slot, key, channel: target, owner: 'doomed', leaseMs, now: clock.now() });
  const digest = sixtyStoryDigest(target);
  await harness.store.saveComposed(daily.id, slot, 'doomed', digest, clock.now());
  return { target, daily, key, messages: digestMessages(digest, daily.threadMode, daily.noNewsNote) };
}

describe('Discord: a multi-part digest cut short by a crash', () => {
  it('a restart after the lease posts exactly the missing parts: none twice, none lost', async () => {
    // The restart comes after the claim's 10-minute lease, past Discord's nonce window: only the markers tell.
    const harness = (h = await startHarness({ fake: { nonceWindowMs: 0 } }));
    const clock = new ManualClock('2025-12-26T07:00:00Z');
    const { daily, key } = await claimAndCompose(harness, clock);
    // Part 3 is posted but its answer is lost with the connection; the next post never gets an answer.
    harness.fake.failNext({ method: 'POST', path: messagesPath, after: 2, fault: { kind: 'lose-response' } });
    harness.fake.failNext({ method: 'POST', path: messagesPath, after: 3, fault: { kind: 'hang' } });
    const doomed = processWith(harness, clock, harness.bot.transport, 'doomed', []).runDue(daily).catch(() => undefined);
    await harness.fake.until(() => harness.fake.calls.filter((c) => c.method === 'POST' && c.status === 0).length === 2, 'the post that hangs');
    // The process dies here: its gateway goes, and its delivery is never recorded.
    await harness.bot.stop();
    const posted = harness.fake.state.messagesIn(harness.channel.id).length;
    expect(posted).toBe(3);

    clock.advance(leaseMs + 60_000);
    const restarted = await harness.startBot();
    const log: LogLine[] = [];
    expect(await processWith(harness, clock, restarted.transport, 'restarted', log).runDue(daily)).toBe('sent');

    const inChannel = harness.fake.state.messagesIn(harness.channel.id);
    const parts = inChannel.length;
    expect(parts).toBeGreaterThan(5);
    expect(inChannel.map(partOf)).toEqual(Array.from({ length: parts }, (_, i) => `ref ${key} · part ${i + 1} of ${parts}`));
    // Every post carried its nonce and enforce_nonce, and the fake accepted each one as valid embeds.
    const posts = harness.fake.calls.filter((c) => c.method === 'POST' && messagesPath.test(c.path));
    for (const call of posts) expect(call.body).toMatchObject({ nonce: expect.stringMatching(new RegExp(`^${key}-\\d+$`)), enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect(posts.filter((c) => c.status !== 0).every((c) => c.status === 200)).toBe(true);
    const record = await harness.store.getDelivery(daily.id, slot);
    expect(record).toMatchObject({ state: 'sent', sent: inChannel.map((m) => ({ channel: harness.channel.id, messageId: m.id })) });
    // The dead process's last connection ends; it posts nothing more, and the record stays as the restart left it.
    harness.fake.dropHeld();
    await doomed;
    expect(harness.fake.state.messagesIn(harness.channel.id)).toHaveLength(parts);
    expect(await harness.store.getDelivery(daily.id, slot)).toMatchObject({ state: 'sent' });
  });

  it('a restart that finds every part posted records the delivery without posting', async () => {
    const harness = (h = await startHarness({ fake: { nonceWindowMs: 0 } }));
    const clock = new ManualClock('2025-12-26T07:00:00Z');
    const { daily, key, messages, target } = await claimAndCompose(harness, clock);
    // The process posts every part and dies before recording it.
    const sent = await harness.bot.transport.send(target, messages, key);
    await harness.bot.stop();
    const postsBefore = harness.fake.calls.filter((c) => c.method === 'POST').length;

    clock.advance(leaseMs + 60_000);
    const restarted = await harness.startBot();
    expect(await processWith(harness, clock, restarted.transport, 'restarted', []).runDue(daily)).toBe('reconciled');
    expect(harness.fake.calls.filter((c) => c.method === 'POST')).toHaveLength(postsBefore);
    expect(await harness.store.getDelivery(daily.id, slot)).toMatchObject({ state: 'sent', sent });
  });
});
