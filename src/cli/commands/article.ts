import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import type { StoredArticle } from '../../store/types.js';
import { openStoreFromConfig } from '../open-store.js';

export function register(program: Command): void {
  program
    .command('article')
    .description('show a stored article: full text and metadata')
    .argument('<id>', 'the article id')
    .option('--json', 'print the stored article as JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      const store = await openStoreFromConfig(loadConfig());
      try {
        const article = await store.getArticle(id);
        if (!article) {
          const closest = await store.closestIds(id, 5);
          process.stderr.write(`no article ${id}; ${closest.length > 0 ? `closest: ${closest.join(', ')}` : 'no stored id is close'}\n`);
          process.exitCode = 1;
          return;
        }
        process.stdout.write(options.json ? `${JSON.stringify(article, null, 2)}\n` : formatArticle(article));
      } finally {
        await store.close();
      }
    });
}

export function formatArticle(article: StoredArticle): string {
  const { meta } = article;
  const facts: [string, string | undefined][] = [
    ['id', `${article.id} (version ${article.version})`],
    ['source', meta.source ?? meta.credit],
    ['published', meta.published],
    ['dateline', meta.dateline],
    ['author', meta.author],
    ['url', meta.url],
    ['story', article.storyId ?? undefined],
    ['from', article.originKey],
    ['stored', article.updatedAt],
  ];
  const lines = facts.filter((f): f is [string, string] => f[1] !== undefined).map(([k, v]) => `${k}: ${v}`);
  return `${article.title}\n${lines.join('\n')}\n\n${article.body}\n`;
}
