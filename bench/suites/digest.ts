import { join } from 'node:path';
import type { ArticleId, StoryId } from '../../src/core/article.js';
import { composeDigest } from '../../src/core/compose/compose-digest.js';
import type { Digest } from '../../src/core/digest.js';
import { deliveryKeyFor, parseSubscription, type Subscription, type SubscriptionId } from '../../src/core/subscription.js';
import { renderDiscord } from '../../src/render/discord.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderSlack } from '../../src/render/slack.js';
import { loadCandidates } from '../../src/scheduler/candidates.js';
import { DigestScheduler } from '../../src/scheduler/digest-scheduler.js';
import type { DigestTransport } from '../../src/scheduler/transport.js';
import { createDigestArchive } from '../../src/store/digest-archive.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import type { BenchSuite } from '../suite.js';

const totalArticles = 100_000;
const newArticles = 5_000;
const runs = 5;
const slot = Date.parse('2025-12-26T07:00:00Z');
const hour = 3_600_000;

/** Deterministic PRNG (mulberry32) so every run builds the same store. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const places = ['Seoul', 'Berlin', 'Lagos', 'Lima', 'Oslo', 'Hanoi', 'Quito', 'Perth', 'Cairo', 'Dhaka', 'Accra', 'Riga'];
const subjects = ['the central bank', 'the port authority', 'farmers', 'the health ministry', 'rail workers', 'the city council', 'investors', 'the navy', 'teachers', 'the election board'];
const verbs = ['warned about', 'announced', 'rejected', 'welcomed', 'delayed', 'approved', 'questioned', 'expanded'];
const topics = ['interest rates', 'grain exports', 'a vaccine campaign', 'a strike', 'flood defences', 'a ceasefire', 'chip factories', 'fuel prices', 'a new bridge', 'coastal patrols', 'exam reforms', 'ballot counting'];

/** A short synthetic news report about `story` (its words repeat across the story's reports, as real coverage does). */
function report(story: number, n: number, random: () => number): { title: string; body: string } {
  const pick = <T>(list: readonly T[], salt: number) => list[(story * 7 + salt) % list.length]!;
  const [place, subject, verb, topic] = [pick(places, 1), pick(subjects, 3), pick(verbs, 5), pick(topics, 11)];
  const other = subjects[Math.floor(random() * subjects.length)]!;
  const sentences = [
    `${place}: ${subject[0]!.toUpperCase()}${subject.slice(1)} ${verb} ${topic} on Thursday, in a move watched closely across the region (story ${story}).`,
    `"This is a decision that will shape the coming year for everyone here," said an official in ${place}, asking for patience.`,
    `Critics, including ${other}, said the plan on ${topic} came too late and cost too much.`,
    `The report number ${n} adds that talks on ${topic} are expected to resume next week.`,
    `Markets in ${place} moved ${random() < 0.5 ? 'up' : 'down'} ${(random() * 3).toFixed(1)} percent after the news.`,
  ];
  return { title: `${place}: ${subject} ${verb} ${topic}`, body: sentences.join(' ') };
}

async function buildStore(path: string, log: (line: string) => void): Promise<Store> {
  let now = slot - 10 * 24 * hour;
  const store = openSqliteStore(path, { now: () => new Date(now) });
  const random = prng(20251226);
  const oldStories = Math.ceil((totalArticles - newArticles) / 3);
  const pairs: { articleId: ArticleId; storyId: StoryId }[] = [];
  let batch: { input: Parameters<Store['writeArticles']>[0][number]; story: number }[] = [];
  const flush = async () => {
    const results = await store.writeArticles(batch.map((b) => b.input));
    results.forEach((r, i) => pairs.push({ articleId: r.id, storyId: `st${batch[i]!.story}` as StoryId }));
    batch = [];
  };
  for (let i = 0; i < totalArticles; i++) {
    const isNew = i >= totalArticles - newArticles;
    // New material: 30% joins recent old stories (they come back as updates), the rest forms new stories.
    const story = !isNew ? Math.floor(i / 3) : random() < 0.3 ? oldStories - 1 - Math.floor(random() * 3000) : oldStories + Math.floor((i - (totalArticles - newArticles)) / 2.5);
    now = isNew ? slot - hour - Math.floor(random() * 2 * hour) : slot - 10 * 24 * hour + Math.floor((i / totalArticles) * 9 * 24 * hour);
    const { title, body } = report(story, i, random);
    batch.push({ input: { originKey: `bench-${i}`, title, titleIsOwn: true, body, meta: { source: `Wire ${i % 17}` } }, story });
    if (batch.length === 1000) {
      await flush();
      if ((i + 1) % 20_000 === 0) log(`stored ${i + 1} articles`);
    }
  }
  if (batch.length > 0) await flush();
  await store.setStories(pairs);
  return store;
}

/** A platform that renders every message for Slack, Discord and Markdown, as the real transports do. */
const renderingTransport: DigestTransport = {
  platform: 'local',
  send: async (target, messages, key) => {
    for (const m of messages) {
      renderSlack(m);
      renderDiscord(m);
      renderMarkdown(m);
    }
    return [{ channel: target.channel, messageId: key }];
  },
  findSent: async () => undefined,
};

function subscriptionFor(i: number): Subscription {
  const parsed = parseSubscription(
    { platform: 'local', workspace: 'bench', channel: `c${i}`, cron: '0 8 * * *', timeZone: 'Europe/Berlin' },
    { id: `bench${i}` as SubscriptionId, now: new Date(slot - 30 * 24 * hour), defaultTimeZone: 'UTC' },
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.subscription;
}

/** The channel's previous digest, 3 hours before the slot, which sent 200 of the stories that have since gained sources. */
async function previousDigest(store: Store, s: Subscription, sentStories: readonly { storyId: StoryId; articleIds: readonly ArticleId[] }[]): Promise<void> {
  const at = new Date(slot - 3 * hour);
  const prev = new Date(slot - 24 * hour);
  await store.claimDelivery({ subscriptionId: s.id, slot: prev, key: deliveryKeyFor(s.id, prev), channel: s.channel, owner: 'bench', leaseMs: hour, now: at });
  const digest: Digest = {
    title: 'previous',
    composedAt: prev.toISOString(),
    channel: s.channel,
    stories: sentStories.map((st) => ({ storyId: st.storyId, headline: '', summary: [], sources: st.articleIds.map((articleId) => ({ name: 'Wire', articleId })) })),
  };
  await store.saveComposed(s.id, prev, 'bench', digest, at);
  await store.completeDelivery(s.id, prev, 'bench', { state: 'sent', sent: [] }, at);
}

const ms = (x: number) => x.toFixed(0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const suite: BenchSuite = {
  name: 'digest',
  title: 'Scheduled digest: compose and render from 100,000 stored articles',
  async run(ctx) {
    const setupStart = performance.now();
    const store = await buildStore(join(ctx.scratchDir, 'bench.db'), ctx.log);
    ctx.log(`store built in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);
    try {
      const since = new Date(slot - 3 * hour).toISOString();
      const updated = (await store.listStories({ since, limit: 100_000 })).filter((s) => s.articleIds.length > 3).slice(0, 200);
      const subs = Array.from({ length: runs }, (_, i) => subscriptionFor(i));
      for (const s of subs) {
        await store.addSubscription(s);
        await previousDigest(store, s, updated.map((u) => ({ storyId: u.id, articleIds: u.articleIds.slice(0, 3) })));
      }
      const clock = { now: () => new Date(slot + 60_000), sleep: async () => {} };
      const scheduler = new DigestScheduler({
        store,
        transports: new Map([['local', renderingTransport]]),
        archive: createDigestArchive(join(ctx.scratchDir, 'digests'), renderMarkdown),
        clock,
        owner: 'bench',
        leaseMs: hour,
        retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
        log: { info: () => {}, warn: () => {}, error: () => {} },
        catchUpHours: 6,
      });
      const totals: number[] = [];
      for (const s of subs) {
        const start = performance.now();
        const outcome = await scheduler.runDue(s);
        totals.push(performance.now() - start);
        if (outcome !== 'sent') throw new Error(`bench run for ${s.id} ended "${outcome}", expected "sent"`);
      }
      // One more pass, phase by phase, to show where the time goes.
      const t0 = performance.now();
      const candidates = await loadCandidates(store, since);
      const sent = await store.sentSources(subs[0]!.channel, candidates.map((c) => c.storyId));
      const t1 = performance.now();
      const digest = composeDigest({ channel: subs[0]!.channel, title: 'bench', composedAt: new Date(slot), maxStories: 5, candidates, sent });
      const t2 = performance.now();
      const out = { type: 'digest', digest } as const;
      renderSlack(out);
      renderDiscord(out);
      renderMarkdown(out);
      const t3 = performance.now();
      const articles = candidates.reduce((n, c) => n + c.articles.length, 0);
      const updates = digest.stories.filter((s) => s.updated).length;
      return [
        `Store: ${totalArticles.toLocaleString('en')} synthetic reports in SQLite (file, WAL), ${newArticles.toLocaleString('en')} stored since the channel's previous digest;`,
        `30% of the new ones joined stories sent before. One run = \`DigestScheduler.runDue\`: claim the slot, load candidates, compose (rank, top 5 cards with`,
        `summaries, quotes, key terms), save, archive (.md + .json), render for Slack, Discord and Markdown, record. ${runs} runs, each for its own channel.`,
        '',
        '| measure | result | target |',
        '| --- | --- | --- |',
        `| full scheduled run, median of ${runs} | ${ms(median(totals))} ms | < 1000 ms |`,
        `| full scheduled run, slowest | ${ms(Math.max(...totals))} ms | < 1000 ms |`,
        `| load ${candidates.length.toLocaleString('en')} candidate stories (${articles.toLocaleString('en')} articles) + sent history | ${ms(t1 - t0)} ms | |`,
        `| compose (${digest.stories.length} stories, ${updates} marked updated) | ${ms(t2 - t1)} ms | |`,
        `| render Slack + Discord + Markdown | ${ms(t3 - t2)} ms | |`,
      ].join('\n');
    } finally {
      await store.close();
    }
  },
};
