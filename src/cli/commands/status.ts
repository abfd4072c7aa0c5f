import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { openStoreFromConfig } from '../open-store.js';
import { statusLines } from '../subscription-lines.js';

export function register(program: Command): void {
  program
    .command('status')
    .description('each subscription with its last delivery, next run, and why it is disabled if it is')
    .action(async () => {
      const store = await openStoreFromConfig(loadConfig());
      try {
        const now = new Date();
        const lines: string[] = [`${await store.countArticles()} articles stored`];
        for (const s of await store.listSubscriptions()) lines.push(...statusLines(s, await store.latestDelivery(s.id), now));
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        await store.close();
      }
    });
}
