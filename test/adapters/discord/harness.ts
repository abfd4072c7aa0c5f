import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCommandDeps } from '../../../src/cli/command-deps.js';
import type { ArticleId, StoryId } from '../../../src/core/article.js';
import { splitSentences } from '../../../src/core/sentences.js';
import type { ArticleReader, CommandDeps } from '../../../src/commands/types.js';
import { Secret } from '../../../src/config.js';
import { storeCompletions } from '../../../src/adapters/discord/completions.js';
import { registerCommands } from '../../../src/adapters/discord/register-commands.js';
import { startDiscord, type DiscordBot } from '../../../src/adapters/discord/start-discord.js';
import { renderDiscord } from '../../../src/render/discord.js';
import { extractHeadline } from '../../../src/core/headline.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../../src/store/store.js';
import { FakeDiscord, type FakeDiscordOptions } from '../../fakes/discord/fake-discord.js';
import type { FakeChannel } from '../../fakes/discord/state.js';

const seedsDir = join(import.meta.dirname, '..', '..', '..', 'seeds');
export const seedStory = 'seedstory' as StoryId;

/** A long article (several /article pages) whose text tries to ping everyone. */
export const pingArticle = [
  'PINGTOWN — @everyone the council met on Tuesday and @here voted on the harbour budget, <@123456789012345678> said.',
  ...Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of the harbour report says the quay wall needs repair before the winter storms arrive in the bay area.`),
].join('\n\n');

export interface Harness {
  readonly fake: FakeDiscord;
  readonly bot: DiscordBot;
  readonly store: Store;
  readonly channel: FakeChannel;
  readonly seedIds: readonly ArticleId[];
  readonly pingId: ArticleId;
  readonly deps: CommandDeps;
  readonly logs: { message: string; detail: Record<string, unknown> }[];
  /** Another bot process on the same fake and store (a restart after `bot` died); stopped by close(). */
  startBot(): Promise<DiscordBot>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly fake?: FakeDiscordOptions;
  readonly deferAfterMs?: number;
  /** Wraps the article reader the commands use, e.g. to make it slow. */
  readonly articles?: (store: Store) => ArticleReader;
  /** An existing store file to add the seeds to (the benchmark's 100,000 articles); kept on close. */
  readonly storePath?: string;
}

/** The real bot (discord.js, real SQLite store with the seeds ingested) logged in to a fresh fake Discord. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'wirebrief-discord-'));
  const store = openSqliteStore(options.storePath ?? join(dir, 'store.sqlite'));
  // Stored through the Store's own write path; the file parser is the sources helper's and tested there.
  const texts = [...readdirSync(seedsDir).map((f) => ({ key: f, body: readFileSync(join(seedsDir, f), 'utf8').trim() })), { key: 'pingtown', body: pingArticle }];
  const written = await store.writeArticles(
    texts.map((t) => ({ originKey: t.key, title: extractHeadline(t.body, splitSentences(t.body)), titleIsOwn: false, body: t.body, meta: t.key === 'pingtown' ? { source: 'Pingtown Post' } : {} })),
  );
  const ids = written.map((w) => w.id);
  const pingId = ids.at(-1)!;
  const seedIds = ids.slice(0, -1);
  await store.setStories(seedIds.map((articleId) => ({ articleId, storyId: seedStory })));
  const commandDeps = createCommandDeps({
    store,
    config: { WIREBRIEF_TIMEZONE: 'UTC', WIREBRIEF_ADMINS: [], WIREBRIEF_SEEDS_DIR: seedsDir, WIREBRIEF_USER_AGENT: 'Wirebrief-test' },
  });
  const deps: CommandDeps = { ...commandDeps, articles: options.articles?.(store) ?? commandDeps.articles };
  const fake = await FakeDiscord.start(options.fake);
  const channel = fake.addChannel('news');
  await registerCommands({ token: fake.token, applicationId: fake.applicationId, guildId: fake.guildId, apiUrl: fake.apiUrl });
  const logs: Harness['logs'] = [];
  const bots: DiscordBot[] = [];
  const startBot = async (): Promise<DiscordBot> => {
    const started = await startDiscord(
      { DISCORD_TOKEN: new Secret(fake.token), DISCORD_API_URL: fake.apiUrl },
      { commands: deps, completions: storeCompletions(store), render: renderDiscord, log: (message, detail) => logs.push({ message, detail }), ...(options.deferAfterMs ? { deferAfterMs: options.deferAfterMs } : {}) },
    );
    bots.push(started);
    return started;
  };
  const bot = await startBot();
  return {
    fake,
    bot,
    store,
    channel,
    seedIds,
    pingId,
    deps,
    logs,
    startBot,
    async close() {
      for (const started of bots) await started.stop();
      await fake.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
