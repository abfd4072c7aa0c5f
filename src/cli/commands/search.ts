import { type Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../../config.js';
import { openStoreFromConfig } from '../open-store.js';

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new InvalidArgumentError('must be a whole number from 1 to 100');
  return n;
}

export function register(program: Command): void {
  program
    .command('search')
    .description('full-text search of the stored articles, best match first')
    .argument('<words...>', 'what to look for (plain words; quotes and symbols are taken literally)')
    .option('--json', 'print the hits as JSON')
    .option('--limit <n>', 'at most this many hits (1-100)', parseLimit, 10)
    .action(async (words: string[], options: { json?: boolean; limit: number }) => {
      const store = await openStoreFromConfig(loadConfig());
      try {
        const query = words.join(' ');
        const hits = await store.search(query, { limit: options.limit });
        if (options.json) process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
        else if (hits.length === 0) process.stdout.write(`no articles match "${query}"\n`);
        else process.stdout.write(hits.map((h) => `${h.id}  ${h.title}\n    ${h.snippet.replace(/\s+/g, ' ')}\n`).join(''));
      } finally {
        await store.close();
      }
    });
}
