import { join } from 'node:path';
import type { ArticleInput } from '../../src/store/types.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { FakeMessage } from '../../test/fakes/discord/state.js';
import type { InteractionSpec } from '../../test/fakes/discord/interaction-payloads.js';
import { startHarness, type Harness } from '../../test/adapters/discord/harness.js';
import type { BenchSuite } from '../suite.js';

/**
 * Interaction latency of the Discord bot: from the fake gateway sending INTERACTION_CREATE to the fake REST
 * server receiving the interaction callback, through a real discord.js client and a real SQLite store with
 * 100,000 articles. Budget: p99 under 50 ms (Discord allows 3 s; the rest is for the network).
 */
const articleCount = 100_000;
const batchSize = 2_000;
const rounds = 200;
const warmup = 20;
const budgetMs = 50;

const words = ('harbour council budget missile factory election storm flood court minister strike market bank rail ' +
  'airport hospital school river bridge drought harvest port treaty summit vaccine reactor pipeline senate mayor police').split(' ');
const places = ['Seoul', 'Berlin', 'Lagos', 'Lima', 'Osaka', 'Quito', 'Tunis', 'Perth', 'Oslo', 'Hanoi'];

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Article n: a short wire-style report (about 400 characters) of distinct content. */
function article(n: number): ArticleInput {
  const rnd = seeded(n + 7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const topic = `${pick(words)} ${pick(words)}`;
  const place = pick(places);
  const body = [
    `${place.toUpperCase()} — Officials in ${place} said on day ${n} that the ${topic} plan would change.`,
    `The ${pick(words)} office reported ${Math.floor(rnd() * 900) + 10} cases linked to the ${pick(words)} dispute.`,
    `"We expect the ${pick(words)} review to finish soon," spokesperson ${pick(places)} Kim told reporters in report ${n}.`,
    `Analysts said the ${pick(words)} and ${pick(words)} figures would be watched closely.`,
  ].join(' ');
  return { originKey: `bench-${n}`, title: `${place} ${topic} report ${n}`, titleIsOwn: true, body, meta: { source: 'Bench Wire' } };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function measure(h: Harness, spec: () => InteractionSpec): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < warmup + rounds; i++) {
    const sent = h.fake.interact(spec(), { channel: h.channel });
    const callback = await h.fake.until(() => sent.callback, 'the callback');
    if (i >= warmup) times.push(callback.at - sent.dispatchedAt);
  }
  return times.sort((a, b) => a - b);
}

export const suite: BenchSuite = {
  name: 'discord',
  title: 'Discord interaction latency (100,000 articles)',
  async run(ctx) {
    const storePath = join(ctx.scratchDir, 'store.sqlite');
    const store = openSqliteStore(storePath);
    const loadStart = performance.now();
    for (let start = 0; start < articleCount; start += batchSize) {
      await store.writeArticles(Array.from({ length: Math.min(batchSize, articleCount - start) }, (_, i) => article(start + i)));
    }
    await store.close();
    ctx.log(`stored ${articleCount} articles in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);
    const h = await startHarness({ storePath });
    try {
      const rnd = seeded(1);
      const digest = await h.deps.digests.composeNow({ channel: { platform: 'discord', workspace: h.fake.guildId, channel: h.channel.id }, maxStories: 1, now: new Date() });
      const [posted] = await h.bot.transport.send(digest.channel, [{ type: 'digest', digest }], 'wbbench00000000001' as never);
      const message = h.fake.state.findMessage(posted!.messageId) as FakeMessage;
      const articleButton = (message.components as { components: { custom_id: string }[] }[])[0]!.components[0]!.custom_id;
      const kinds: [string, () => InteractionSpec][] = [
        ['/article autocomplete (typed words)', () => ({ kind: 'autocomplete', name: 'article', focused: 'query', value: `${words[Math.floor(rnd() * words.length)]} rep` })],
        ['/article <id>', () => ({ kind: 'command', name: 'article', options: { query: h.seedIds[0]! } })],
        ['/news <words>', () => ({ kind: 'command', name: 'news', options: { words: `${places[Math.floor(rnd() * places.length)]} ${words[Math.floor(rnd() * words.length)]}` } })],
        ['*Full article* button', () => ({ kind: 'button', customId: articleButton, message })],
      ];
      const rows: string[] = [];
      let worst = 0;
      for (const [label, spec] of kinds) {
        const t = await measure(h, spec);
        worst = Math.max(worst, quantile(t, 0.99));
        rows.push(`| ${label} | ${t.length} | ${quantile(t, 0.5).toFixed(1)} | ${quantile(t, 0.95).toFixed(1)} | ${quantile(t, 0.99).toFixed(1)} | ${t.at(-1)!.toFixed(1)} |`);
        ctx.log(`${label}: p99 ${quantile(t, 0.99).toFixed(1)} ms`);
      }
      const deferred = h.fake.calls.filter((c) => c.path.endsWith('/callback') && (c.body as { type?: number }).type === 5).length;
      return [
        `Store: ${articleCount.toLocaleString('en')} generated wire-style articles (about 400 characters each, distinct content,`,
        'FTS index included) plus the two seeds, embedded SQLite on local disk. Bot: the real discord.js client and',
        'interaction handler against the fake Discord (gateway + REST on 127.0.0.1). Time: from the fake gateway',
        'sending INTERACTION_CREATE to the fake REST server receiving the callback; interactions one at a time,',
        `${warmup} warm-up rounds per kind not counted. ${deferred} of the answers needed a deferral.`,
        '',
        '| interaction | n | p50 ms | p95 ms | p99 ms | max ms |',
        '|---|---:|---:|---:|---:|---:|',
        ...rows,
        '',
        `Budget p99 < ${budgetMs} ms: ${worst < budgetMs ? 'met' : 'NOT met'} (worst p99 ${worst.toFixed(1)} ms).`,
      ].join('\n');
    } finally {
      await h.close();
    }
  },
};
