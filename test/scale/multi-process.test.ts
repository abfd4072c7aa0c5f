import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSubscription, type SubscriptionId } from '../../src/core/subscription.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { createFreshDatabase, type FreshDatabase, postgresUnavailable } from '../store/postgres-fresh-db.js';
import { type ServeProcess, startServe, waitFor } from './serve-processes.js';

const unavailable = await postgresUnavailable();
if (unavailable && process.env.CI === 'true') throw new Error(`CI=true requires the multi-process test to run, but ${unavailable}`);
if (unavailable) console.warn(`skipping the multi-process test: ${unavailable}`);

/**
 * Subscriptions use 5-field cron (our parser refuses seconds), so "due every second" becomes: 12 channels due
 * every minute. Each process delivers the current minute's slots at start-up (catch-up) and the next minute's
 * on the cron tick: 24 slots raced for by three processes, one of which is SIGKILLed just after the minute
 * turns (mid-delivery) and restarted.
 */
const channels = 12;
const leaseSeconds = 3;

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.skipIf(unavailable !== undefined)('three serve processes on one PostgreSQL', () => {
  let db: FreshDatabase;
  let slack: FakeSlack;
  const dir = mkdtempSync(join(tmpdir(), 'wirebrief-scale-'));
  const processes: ServeProcess[] = [];
  beforeAll(async () => {
    db = await createFreshDatabase();
    slack = await FakeSlack.start();
  });
  afterAll(async () => {
    for (const p of processes) p.child.kill('SIGKILL');
    await slack?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers every slot exactly once while one process is killed and restarted', { timeout: 150_000 }, async () => {
    const store = await openPostgresStore(db.url);
    const created = new Date(Date.now() - 5 * 60_000);
    for (let i = 0; i < channels; i++) {
      slack.addChannel(`C${i}`, `news-${i}`);
      const parsed = parseSubscription(
        { platform: 'slack', workspace: slack.teamId, channel: `C${i}`, cron: '* * * * *', timeZone: 'UTC', noNewsNote: true },
        { id: `s${i}` as SubscriptionId, now: created, defaultTimeZone: 'UTC' },
      );
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      await store.addSubscription(parsed.subscription);
    }
    const healthPort = await freePort();
    const envFor = async (index: number) => ({
      DATABASE_URL: db.url,
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: 'scale-test-signing-secret',
      SLACK_API_URL: slack.apiUrl,
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
    try {
      const count = async (where: string) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM deliveries WHERE ${where}`)).rows[0]!.n);
      // Start-up catch-up: the current minute's slot of every channel.
      await waitFor('the start-up slots', async () => (await count("state = 'sent'")) >= channels, 60_000);
      const firstMinute = (await client.query<{ slot: Date }>('SELECT max(slot) AS slot FROM deliveries')).rows[0]!.slot.getTime();

      const health = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', checks: { store: 'up', slack: 'up' } });

      // Kill one process just after the next minute turns, while the three race for that minute's slots.
      await new Promise((resolve) => setTimeout(resolve, firstMinute + 60_000 + 150 - Date.now()));
      processes[1]!.child.kill('SIGKILL');
      expect(await processes[1]!.exited).toBe('SIGKILL');
      processes[1] = startServe(await envFor(1));

      await waitFor('the second minute\'s slots', async () => (await count("state = 'sent'")) >= 2 * channels, 60_000);
      // Let any straggler (a duplicate would show up here) land before counting.
      await new Promise((resolve) => setTimeout(resolve, (leaseSeconds + 1) * 1000));

      const records = (await client.query<{ subscription_id: string; slot: Date; delivery_key: string; state: string; attempts: number; sent_refs: { messageId: string }[] }>(
        'SELECT subscription_id, slot, delivery_key, state, attempts, sent_refs FROM deliveries WHERE slot <= $1 ORDER BY slot, subscription_id',
        [new Date(firstMinute + 60_000)],
      )).rows;
      expect(records).toHaveLength(2 * channels);
      expect(records.every((r) => r.state === 'sent')).toBe(true);
      // Not asserted (it depends on timing): how many slots the killed process left for another to take over.
      console.info(`slots taken over after the kill: ${records.filter((r) => r.attempts > 1).length}`);
      for (const record of records) {
        const channel = `C${record.subscription_id.slice(1)}`;
        const posted = slack.messagesIn(channel).filter((m) => m.metadata?.event_payload.delivery_key === record.delivery_key);
        // Exactly once: every part of the digest posted one time, and the record names those very messages.
        expect(posted.map((m) => m.ts).sort()).toEqual(record.sent_refs.map((s) => s.messageId).sort());
        expect(posted.length).toBeGreaterThan(0);
      }
    } finally {
      await client.end();
      await store.close();
    }

    // Graceful stop: SIGTERM ends each process cleanly, leaving no claim behind.
    const codes = await Promise.all(processes.map(async (p) => (p.child.kill('SIGTERM'), p.exited)));
    expect(codes).toEqual([0, 0, 0]);
    const after = await openPostgresStore(db.url);
    try {
      const leftover = await Promise.all(Array.from({ length: channels }, async (_, i) => (await after.latestDelivery(`s${i}` as SubscriptionId))?.state));
      expect(leftover.filter((state) => state === 'claimed')).toEqual([]);
    } finally {
      await after.close();
    }
  });
});
