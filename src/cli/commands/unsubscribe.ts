import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { openStoreFromConfig } from '../open-store.js';

export function register(program: Command): void {
  program
    .command('unsubscribe')
    .description('remove a subscription (what it sent stays recorded, so nothing is re-sent later)')
    .argument('<id>', 'subscription id, as `wirebrief subscriptions` lists it')
    .action(async (id: string) => {
      const store = await openStoreFromConfig(loadConfig());
      try {
        if (!(await store.removeSubscription(id))) throw new Error(`no subscription "${id}"; \`wirebrief subscriptions\` lists them`);
        process.stdout.write(`unsubscribed ${id}\n`);
      } finally {
        await store.close();
      }
    });
}
