import { Command } from 'commander';

interface CommandModule {
  register(program: Command): void;
}

/**
 * The CLI's command tree. Each subcommand lives in its own file under src/cli/commands/ and exports
 * `register(program)`; add a loader below under the subcommand's name. Loaders are lazy because the
 * platform SDKs (Bolt, discord.js) cost over a second to import: `wirebrief summarize` must not pay
 * for `wirebrief serve`.
 */
const loaders: Readonly<Record<string, () => Promise<CommandModule>>> = {
  ingest: () => import('./commands/ingest.js'),
  source: () => import('./commands/source.js'),
  article: () => import('./commands/article.js'),
  search: () => import('./commands/search.js'),
  summarize: () => import('./commands/summarize.js'),
  cluster: () => import('./commands/cluster.js'),
  quotes: () => import('./commands/quotes.js'),
  digest: () => import('./commands/digest.js'),
  run: () => import('./commands/run.js'),
  subscribe: () => import('./commands/subscribe.js'),
  unsubscribe: () => import('./commands/unsubscribe.js'),
  subscriptions: () => import('./commands/subscriptions.js'),
  status: () => import('./commands/status.js'),
  serve: () => import('./commands/serve.js'),
  migrate: () => import('./commands/migrate.js'),
  discord: () => import('./commands/discord.js'),
};

/** Builds the program with the requested subcommand only, or with all of them for help and errors. */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command()
    .name('wirebrief')
    .description('Extractive news digests for Slack, Discord and your terminal.')
    .showHelpAfterError()
    .exitOverride();
  const requested = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const names = requested !== undefined && requested in loaders ? [requested] : Object.keys(loaders);
  for (const name of names) (await loaders[name]!()).register(program);
  return program;
}
