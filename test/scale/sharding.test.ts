import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ShardingManager } from 'discord.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { createFreshDatabase, type FreshDatabase, postgresUnavailable } from '../store/postgres-fresh-db.js';

const unavailable = await postgresUnavailable();
if (unavailable && process.env.CI === 'true') throw new Error(`CI=true requires the sharding test to run, but ${unavailable}`);
if (unavailable) console.warn(`skipping the sharding test: ${unavailable}`);

const root = join(import.meta.dirname, '..', '..');

describe.skipIf(unavailable !== undefined)("wirebrief serve under discord.js's ShardingManager", () => {
  let db: FreshDatabase;
  let discord: FakeDiscord;
  let manager: ShardingManager | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'wirebrief-shards-'));
  beforeAll(async () => {
    [db, discord] = await Promise.all([createFreshDatabase(), FakeDiscord.start()]);
  });
  afterAll(async () => {
    for (const shard of manager?.shards.values() ?? []) shard.process?.kill('SIGKILL');
    vi.unstubAllEnvs();
    await discord?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs one serve per shard: the guild on one of them, a command run once, and each shard stops on SIGTERM', { timeout: 90_000 }, async () => {
    const channel = discord.addChannel('news');
    // The manager forks each shard with this process's environment (plus the token and the shard numbers).
    for (const [name, value] of Object.entries({
      DATABASE_URL: db.url,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN: '',
      HOST: '127.0.0.1',
      WIREBRIEF_DATA_DIR: join(dir, 'data'),
      WIREBRIEF_DIGESTS_DIR: join(dir, 'digests'),
      LOG_LEVEL: 'warn',
    })) vi.stubEnv(name, value);
    manager = new ShardingManager(join(root, 'src', 'cli', 'main.ts'), {
      token: discord.token,
      totalShards: 2,
      shardArgs: ['serve'],
      execArgv: ['--import', 'tsx'],
      respawn: false,
    });
    await manager.spawn({ timeout: 60_000 });
    expect(((await manager.fetchClientValues('guilds.cache.size')) as number[]).sort()).toEqual([0, 1]);

    const sent = discord.interact({ kind: 'command', name: 'wirebrief', subcommand: 'subscribe', options: { schedule: '0 8 * * 1-5' } }, { channel, as: 'admin' });
    await discord.until(() => sent.callback, 'the answer to /wirebrief subscribe', 15_000);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      expect((await client.query('SELECT channel FROM subscriptions')).rows).toEqual([{ channel: channel.id }]);
    } finally {
      await client.end();
    }

    const exits = [...manager.shards.values()].map(async (shard) => {
      const child = shard.process!;
      const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
      child.kill('SIGTERM');
      const lingering = new Promise<string>((resolve) => setTimeout(resolve, 10_000, 'still running 10 s after SIGTERM').unref());
      return Promise.race([exited.then(([code]) => code), lingering]);
    });
    expect(await Promise.all(exits)).toEqual([0, 0]);
  });
});
