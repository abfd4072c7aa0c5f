import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { openStoreFromConfig } from '../open-store.js';

export function register(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date (PostgreSQL: DATABASE_URL; otherwise the embedded store) and exit; safe to run while bots are running')
    .action(async () => {
      const config = loadConfig();
      // Opening applies every pending migration (under a lock, so concurrent starts wait for one another).
      const store = await openStoreFromConfig(config);
      try {
        const where = config.DATABASE_URL ? `PostgreSQL at ${new URL(config.DATABASE_URL).host}${new URL(config.DATABASE_URL).pathname}` : 'the embedded store';
        process.stdout.write(`schema is up to date in ${where} (${await store.countArticles()} articles stored)\n`);
      } finally {
        await store.close();
      }
    });
}
