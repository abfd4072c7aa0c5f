import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import type { FakeChannel } from '../fakes/discord/state.js';
import { startServe, waitFor } from '../scale/serve-processes.js';

const root = join(import.meta.dirname, '..', '..');

describe('wirebrief serve (Discord)', () => {
  let fake: FakeDiscord;
  let channel: FakeChannel;
  let dataDir: string;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
    channel = fake.addChannel('news');
    dataDir = mkdtempSync(join(tmpdir(), 'wirebrief-serve-discord-'));
  });
  afterAll(async () => {
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The environment of a Discord-only deployment pointed at the fake; nothing inherited configures Slack or Postgres. */
  const env = (extra: Record<string, string>) => ({
    WIREBRIEF_DATA_DIR: dataDir,
    WIREBRIEF_DIGESTS_DIR: join(dataDir, 'digests'),
    WIREBRIEF_SEEDS_DIR: join(root, 'seeds'),
    SLACK_BOT_TOKEN: '',
    DATABASE_URL: '',
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    LOG_LEVEL: 'info',
    ...extra,
  });

  it('connects with the Guilds intent only, answers an interaction, and stops cleanly on SIGTERM', async () => {
    const serve = startServe(env({ DISCORD_APPLICATION_ID: fake.applicationId }));
    try {
      await waitFor('the Discord bot to start', () => serve.output().includes('Discord bot started'), 30_000);
      // Slash commands need no message content: the bot asks for nothing but Guilds.
      expect(fake.gateway.identifies).toEqual([{ intents: GatewayIntentBits.Guilds }]);
      expect(fake.gateway.identifies[0]!.intents & GatewayIntentBits.MessageContent).toBe(0);
      const sent = fake.interact({ kind: 'command', name: 'news', options: { words: 'missile' } }, { channel });
      await fake.until(() => sent.callback, 'the answer to /news', 10_000);
      expect(sent.callback?.type === 4 || sent.callback?.type === 5).toBe(true);
      await fake.until(() => sent.original && /missile/i.test(JSON.stringify(sent.original.embeds)), 'the search results', 10_000);
    } finally {
      serve.child.kill('SIGTERM');
    }
    expect(await serve.exited).toBe(0);
    expect(serve.output()).not.toContain(fake.token);
  });

  it('stops before connecting when DISCORD_TOKEN is set without DISCORD_APPLICATION_ID, naming the variable', async () => {
    const identified = fake.gateway.identifies.length;
    const serve = startServe(env({ DISCORD_APPLICATION_ID: '' }));
    expect(await serve.exited).toBe(1);
    expect(serve.output()).toContain('DISCORD_APPLICATION_ID');
    expect(serve.output()).not.toContain(fake.token);
    expect(fake.gateway.identifies).toHaveLength(identified);
  });
});
