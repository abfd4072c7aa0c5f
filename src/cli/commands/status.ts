import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { openStoreFromConfig } from '../open-store.js';
import { isFailing, sourceLine, withStates } from '../source-lines.js';
import { statusLines } from '../subscription-lines.js';

export function register(program: Command): void {
  program
    .command('status')
    .description('articles stored, failing sources with their last error, and each subscription with its last delivery, next run, and why it is disabled if it is')
    .action(async () => {
      const store = await openStoreFromConfig(loadConfig());
      try {
        const now = new Date();
        const sources = await withStates(await store.listSources(), store);
        const failing = sources.filter(isFailing);
        const lines: string[] = [`${await store.countArticles()} articles stored`, `sources: ${sources.length}${failing.length > 0 ? ` (${failing.length} failing)` : ''}`];
        // The reason a story is missing from a digest is often a broken feed: it belongs next to the deliveries.
        for (const entry of failing) lines.push(`  ${sourceLine(entry)}`);
        for (const s of await store.listSubscriptions()) lines.push(...statusLines(s, await store.latestDelivery(s.id), now));
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        await store.close();
      }
    });
}
