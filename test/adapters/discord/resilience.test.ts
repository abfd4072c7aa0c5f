import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleReader } from '../../../src/commands/types.js';
import type { DeliveryKey } from '../../../src/scheduler/transport.js';
import type { Store } from '../../../src/store/store.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The store as a slow disk or a busy database makes it: every read takes `ms` longer. */
function slowReader(store: Store, ms: number): ArticleReader {
  const slow =
    <A extends unknown[], R>(read: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await sleep(ms);
      return read(...args);
    };
  return {
    getArticle: slow((id: string) => store.getArticle(id)),
    closestIds: slow((id: string, limit: number) => store.closestIds(id, limit)),
    search: slow((query: string, options: { readonly limit: number }) => store.search(query, options)),
    storyArticles: slow((id) => store.storyArticles(id)),
    countArticles: slow(() => store.countArticles()),
  };
}

describe('Discord bot under slowness and disconnection', () => {
  it('defers (type 5) work that would miss the deadline, then edits the original with the answer', async () => {
    // The fake enforces a 600 ms deadline (Discord: 3 s) and every store read takes 400 ms.
    h = await startHarness({ fake: { interactionDeadlineMs: 600 }, deferAfterMs: 100, articles: (store) => slowReader(store, 400) });
    const sent = h.fake.interact({ kind: 'command', name: 'news', options: { words: 'harbour budget' } }, { channel: h.channel });
    const harness = h;
    await h.fake.until(() => sent.original?.edited_timestamp && sent, 'the edited answer');
    expect(sent.callback).toMatchObject({ type: 5, data: { flags: 64 } });
    const edit = harness.fake.calls.find((c) => c.method === 'PATCH' && c.path.endsWith('/messages/@original'));
    expect(edit?.status).toBe(200);
    expect(JSON.stringify(sent.original?.embeds)).toContain(harness.pingId);
  });

  it('answers at once (no deferral) when the work is quick', async () => {
    h = await startHarness({ deferAfterMs: 2000 });
    const sent = h.fake.interact({ kind: 'command', name: 'news', options: { words: 'harbour' } }, { channel: h.channel });
    await h.fake.until(() => sent.callback, 'the answer');
    expect(sent.callback?.type).toBe(4);
  });

  it('resumes a dropped gateway session: an interaction sent meanwhile is answered and a digest still goes out', async () => {
    h = await startHarness();
    const harness = h;
    await h.fake.gateway.drop();
    const sent = h.fake.interact({ kind: 'command', name: 'news', options: { words: 'harbour' } }, { channel: h.channel });
    const target = { platform: 'discord' as const, workspace: h.fake.guildId, channel: h.channel.id };
    const digest = await h.deps.digests.composeNow({ channel: target, maxStories: 5, now: new Date() });
    const delivered = await h.bot.transport.send(target, [{ type: 'digest', digest }], 'wbresume0000000001' as DeliveryKey);
    await h.fake.until(() => sent.callback, 'the answer after resuming');
    expect(harness.fake.gateway.resumes).toBe(1);
    expect(harness.fake.gateway.identifies).toHaveLength(1);
    expect(sent.callback?.type).toBe(4);
    expect(harness.fake.state.findMessage(delivered[0]!.messageId)).toBeDefined();
  });
});
