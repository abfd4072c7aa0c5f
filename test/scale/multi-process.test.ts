import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelRef } from '../../src/core/digest.js';
import { parseSubscription, type SubscriptionId } from '../../src/core/subscription.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { fakeArticle, rss2 } from '../fakes/news-server/content.js';
import { NewsServer } from '../fakes/news-server/news-server.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { createFreshDatabase, type FreshDatabase, postgresUnavailable } from '../store/postgres-fresh-db.js';
import { type ServeProcess, startServe, waitFor } from './serve-processes.js';

const unavailable = await postgresUnavailable();
if (unavailable && process.env.CI === 'true') throw new Error(`CI=true requires the multi-process test to run, but ${unavailable}`);
if (unavailable) console.warn(`skipping the multi-process test: ${unavailable}`);

/**
 * The issue asks for subscriptions due every second; these are due every minute, in real time (separate
 * processes, no injected clock). Seconds would not prove the take-over: the scheduler delivers only a
 * subscription's latest slot (a missed one is caught up, never back-filled), so a slot claimed by the process
 * that is SIGKILLed must stay the latest for longer than the claim's lease plus one sweep before another
 * process may finish it — and a lease under a second is shorter than one post. Hence 12 channels per
 * platform due every minute: each process delivers the current minute's slots at start-up (catch-up) and the
 * next minute's on the cron tick, 24 slots per platform raced for by three processes, one of which is
 * SIGKILLed just after the minute turns (mid-delivery) and restarted.
 */
const channelsPerPlatform = 12;
const leaseSeconds = 3;
/** Feeds on one host: the host's 1 s politeness gap makes a pass take seconds, so processes starting together overlap. */
const feeds = 6;

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface DeliveryRow {
  readonly subscription_id: string;
  readonly platform: ChannelRef['platform'];
  readonly channel: string;
  readonly state: string;
  readonly attempts: number;
  readonly sent_refs: { messageId: string }[];
}

/** Exactly once: the channel holds the recorded messages of its slots, each one time, and nothing else. */
function expectExactlyOnce(records: readonly DeliveryRow[], messageIds: (channel: string) => readonly string[]): void {
  for (const channel of new Set(records.map((r) => r.channel))) {
    const mine = records.filter((r) => r.channel === channel);
    expect(mine.every((r) => r.sent_refs.length > 0)).toBe(true);
    expect([...messageIds(channel)].sort()).toEqual(mine.flatMap((r) => r.sent_refs.map((s) => s.messageId)).sort());
  }
}

describe.skipIf(unavailable !== undefined)('three serve processes on one PostgreSQL', () => {
  let db: FreshDatabase;
  let slack: FakeSlack;
  let discord: FakeDiscord;
  const news = new NewsServer();
  const dir = mkdtempSync(join(tmpdir(), 'wirebrief-scale-'));
  const processes: ServeProcess[] = [];
  beforeAll(async () => {
    db = await createFreshDatabase();
    [slack, discord] = await Promise.all([FakeSlack.start(), FakeDiscord.start(), news.start()]);
  });
  afterAll(async () => {
    for (const p of processes) p.child.kill('SIGKILL');
    await Promise.all([slack?.close(), discord?.close(), news.close()]);
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers every slot exactly once on each platform, runs a command once and fetches each feed once, while one process is killed and restarted', { timeout: 180_000 }, async () => {
    const store = await openPostgresStore(db.url);
    const created = new Date(Date.now() - 5 * 60_000);
    const subscribe = async (id: string, channel: Pick<ChannelRef, 'platform' | 'workspace' | 'channel'>) => {
      const parsed = parseSubscription({ ...channel, cron: '* * * * *', timeZone: 'UTC', noNewsNote: true }, { id: id as SubscriptionId, now: created, defaultTimeZone: 'UTC' });
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      await store.addSubscription(parsed.subscription);
    };
    for (let i = 0; i < channelsPerPlatform; i++) {
      slack.addChannel(`C${i}`, `news-${i}`);
      await subscribe(`s${i}`, { platform: 'slack', workspace: slack.teamId, channel: `C${i}` });
      await subscribe(`d${i}`, { platform: 'discord', workspace: discord.guildId, channel: discord.addChannel(`news-${i}`).id });
    }
    const feedPaths = Array.from({ length: feeds }, (_, i) => `/feed-${i}.xml`);
    for (const path of feedPaths) {
      news.route(path, { body: rss2(path, news.base, [fakeArticle(path, 1), fakeArticle(path, 2)]) });
      await store.addSource({ kind: 'feed', location: `${news.base}${path}`, scope: 'global' }, created);
    }

    const healthPort = await freePort();
    const envFor = async (index: number) => ({
      DATABASE_URL: db.url,
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: 'scale-test-signing-secret',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      // Each process its own gateway shard (read by discord.js): Discord sends a shard's events to every session
      // of it, so unsharded processes would each run every command. Digests go over REST from any process.
      SHARDS: String(index),
      SHARD_COUNT: '3',
      PORT: String(await freePort()),
      WIREBRIEF_HEALTH_PORT: String(index === 0 ? healthPort : await freePort()),
      WIREBRIEF_CLAIM_LEASE_SECONDS: String(leaseSeconds),
      WIREBRIEF_DATA_DIR: join(dir, `data-${index}`),
      WIREBRIEF_DIGESTS_DIR: join(dir, `digests-${index}`),
      LOG_LEVEL: 'info',
    });
    for (let i = 0; i < 3; i++) processes.push(startServe(await envFor(i)));

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const total = 2 * channelsPerPlatform;
    try {
      const count = async (where: string) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM deliveries WHERE ${where}`)).rows[0]!.n);
      // Start-up catch-up: the current minute's slot of every channel.
      await waitFor('the start-up slots', async () => (await count("state = 'sent'")) >= total, 90_000);
      const firstMinute = (await client.query<{ slot: Date }>('SELECT max(slot) AS slot FROM deliveries')).rows[0]!.slot.getTime();

      // The health endpoint opens once the process's first poll pass is done, which may follow its deliveries.
      await waitFor('the health endpoint', () => fetch(`http://127.0.0.1:${healthPort}/healthz`).then((r) => r.ok, () => false), 30_000);
      expect(await (await fetch(`http://127.0.0.1:${healthPort}/healthz`)).json()).toMatchObject({ status: 'ok', checks: { store: 'up', slack: 'up', discord: 'up' } });

      // A command reaches the one process whose shard holds the guild, so it runs once.
      const commands = discord.addChannel('commands');
      const subscribed = discord.interact({ kind: 'command', name: 'wirebrief', subcommand: 'subscribe', options: { schedule: '0 0 1 1 *' } }, { channel: commands, as: 'admin' });
      await discord.until(() => subscribed.callback, 'the answer to /wirebrief subscribe', 15_000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM subscriptions WHERE channel = $1', [commands.id])).rows[0]!.n)).toBe(1);

      // Kill one process while it holds a claim on the next minute's slots (or, should it win none, 5 s in).
      await new Promise((resolve) => setTimeout(resolve, firstMinute + 60_000 - Date.now()));
      const victim = `%:${processes[1]!.child.pid}:%`;
      const holds = async () => (await client.query("SELECT 1 FROM deliveries WHERE state = 'claimed' AND owner LIKE $1", [victim])).rows.length > 0;
      for (const deadline = Date.now() + 5000; Date.now() < deadline && !(await holds()); ) await new Promise((resolve) => setTimeout(resolve, 5));
      processes[1]!.child.kill('SIGKILL');
      expect(await processes[1]!.exited).toBe('SIGKILL');
      processes[1] = startServe(await envFor(1));

      await waitFor("the second minute's slots", async () => (await count("state = 'sent'")) >= 2 * total, 60_000);
      // Let any straggler (a duplicate would show up here) land before counting.
      await new Promise((resolve) => setTimeout(resolve, (leaseSeconds + 1) * 1000));

      const records = (await client.query<DeliveryRow>(
        'SELECT subscription_id, platform, channel, state, attempts, sent_refs FROM deliveries WHERE slot <= $1 ORDER BY slot, subscription_id',
        [new Date(firstMinute + 60_000)],
      )).rows;
      expect(records.every((r) => r.state === 'sent')).toBe(true);
      const slots = (platform: ChannelRef['platform']) => records.filter((r) => r.platform === platform).length;
      expect({ slack: slots('slack'), discord: slots('discord') }).toEqual({ slack: 2 * channelsPerPlatform, discord: 2 * channelsPerPlatform });
      // Not asserted (it depends on timing): how many slots the killed process left for another to take over.
      console.info(`slots taken over after the kill: ${records.filter((r) => r.attempts > 1).length}`);
      expectExactlyOnce(records.filter((r) => r.platform === 'slack'), (channel) => slack.messagesIn(channel).map((m) => m.ts));
      expectExactlyOnce(records.filter((r) => r.platform === 'discord'), (channel) => discord.state.messagesIn(channel).map((m) => m.id));

      // Shared fetching: each feed's interval (15 min) outlasts the test, so all processes together fetch it once.
      expect(feedPaths.map((path) => news.requests.filter((r) => r.path === path).length)).toEqual(feedPaths.map(() => 1));
    } finally {
      await client.end();
      await store.close();
    }

    // Graceful stop: SIGTERM ends each process cleanly, leaving no claim behind.
    const codes = await Promise.all(processes.map(async (p) => (p.child.kill('SIGTERM'), p.exited)));
    expect(codes).toEqual([0, 0, 0]);
    const after = new pg.Client({ connectionString: db.url });
    await after.connect();
    try {
      expect((await after.query("SELECT subscription_id FROM deliveries WHERE state = 'claimed'")).rows).toEqual([]);
    } finally {
      await after.end();
    }
  });
});
