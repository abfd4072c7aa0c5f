import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { openStoreFromConfig } from '../open-store.js';
import { subscriptionLine } from '../subscription-lines.js';

export function register(program: Command): void {
  program
    .command('subscriptions')
    .description('list the subscriptions with their schedules read back')
    .action(async () => {
      const store = await openStoreFromConfig(loadConfig());
      try {
        const all = await store.listSubscriptions();
        const now = new Date();
        process.stdout.write(all.length === 0 ? 'no subscriptions; add one with `wirebrief subscribe "0 8 * * 1-5" --tz Europe/Berlin`\n' : `${all.map((s) => subscriptionLine(s, now)).join('\n')}\n`);
      } finally {
        await store.close();
      }
    });
}
