import { afterEach, describe, expect, it } from 'vitest';
import { noNewsText } from '../../src/core/compose/digest-messages.js';
import { harness, subscription, type Harness } from './fixture.js';

describe('what a channel receives', () => {
  let h: Harness;
  afterEach(async () => h?.store.close());

  it('two subscriptions in one channel do not send the same story twice', async () => {
    h = await harness('2025-12-26T07:00:00Z');
    const morning = subscription('s1', { cron: '0 8 * * *' });
    const topical = subscription('s2', { cron: '30 8 * * *', topic: 'missile' });
    await h.store.addSubscription(morning);
    await h.store.addSubscription(topical);
    expect(await h.process().runDue(morning)).toBe('sent');
    h.clock.set('2025-12-26T07:30:00Z');
    expect(await h.process().runDue(topical)).toBe('empty');
    expect(h.transport.posts).toHaveLength(1);
  });

  it('unless the second subscription is configured to repeat what the other sent', async () => {
    h = await harness('2025-12-26T07:00:00Z');
    const morning = subscription('s1', { cron: '0 8 * * *' });
    const repeat = subscription('s2', { cron: '30 8 * * *', repeatAcrossSubscriptions: true });
    await h.store.addSubscription(morning);
    await h.store.addSubscription(repeat);
    await h.process().runDue(morning);
    h.clock.set('2025-12-26T07:30:00Z');
    expect(await h.process().runDue(repeat)).toBe('sent');
    const storiesOf = (i: number) => h.transport.posts[i]!.messages.flatMap((m) => (m.type === 'digest' ? m.digest.stories.map((s) => s.storyId) : []));
    expect(storiesOf(1)).toEqual(storiesOf(0));
  });

  it('an empty slot posts nothing, or the one-line note when the subscription asks for it', async () => {
    h = await harness('2025-12-26T07:00:00Z', '2025-12-20T06:00:00Z');
    const quiet = subscription('s1');
    const noted = subscription('s2', { noNewsNote: true });
    await h.store.addSubscription(quiet);
    await h.store.addSubscription(noted);
    expect(await h.process().runDue(quiet)).toBe('empty');
    expect(await h.process().runDue(noted)).toBe('sent');
    expect(h.transport.posts.map((p) => p.messages)).toEqual([[{ type: 'reply', reply: expect.objectContaining({ summary: noNewsText }) }]]);
  });

  it('per-story thread mode posts a header and one message per story', async () => {
    h = await harness('2025-12-26T07:00:00Z');
    const threaded = subscription('s1', { threadMode: 'per-story' });
    await h.store.addSubscription(threaded);
    await h.process().runDue(threaded);
    expect(h.transport.posts[0]!.messages.map((m) => (m.type === 'reply' ? m.reply.blocks[0]!.kind : m.type))).toEqual(['heading', 'story']);
  });
});
