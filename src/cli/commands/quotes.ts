import type { Command } from 'commander';
import { z } from 'zod';
import type { Quote } from '../../core/digest.js';
import { articleIdFor } from '../../core/ids.js';
import { extractQuotes, findQuotes, speakerAliases, unifySpeakers } from '../../core/quotes/index.js';
import type { SpeakerAliases } from '../../core/quotes/index.js';
import { splitSentences } from '../../core/sentences.js';
import { loadConfig } from '../../config.js';
import { transformJsonl } from '../jsonl-transform.js';
import { openStoreFromConfig } from '../open-store.js';
import { storyGroups } from '../story-groups.js';

const storyLine = z.union([
  z.object({ id: z.union([z.string(), z.number()]), articles: z.array(z.string()).min(1, 'needs at least one article') }),
  z.object({ id: z.union([z.string(), z.number()]), text: z.string() }),
]);

/** Quotes of the articles of one story, speakers spelled alike across them. */
function storyQuotes(articles: ReadonlyArray<{ readonly id: string; readonly body: string }>): { quotes: Quote[]; aliases: SpeakerAliases } {
  const bodies = articles.map((a) => a.body);
  const found = articles.flatMap((a) => extractQuotes({ id: articleIdFor(a.body), body: a.body, sentences: splitSentences(a.body) }).map((q) => ({ ...q, articleId: a.id as Quote['articleId'] })));
  const quotes = unifySpeakers(found, bodies);
  return { quotes, aliases: speakerAliases(quotes, bodies) };
}

function batchLine(value: unknown): unknown {
  const story = storyLine.parse(value);
  const texts = 'articles' in story ? story.articles : [story.text];
  const { quotes } = storyQuotes(texts.map((body) => ({ id: articleIdFor(body), body })));
  return { id: story.id, quotes: quotes.map(({ text, speaker, partial }) => ({ text, speaker, partial })) };
}

async function fromStore(query: string | undefined, json: boolean): Promise<void> {
  const store = await openStoreFromConfig(loadConfig());
  try {
    const matches: Quote[] = [];
    // One story's articles in memory at a time, however large the store.
    for (const ids of await storyGroups(store)) {
      const { quotes, aliases } = storyQuotes(await store.findArticles(ids));
      matches.push(...findQuotes(quotes, query ?? '', aliases));
    }
    if (json) {
      process.stdout.write(`${JSON.stringify(matches.map(({ text, speaker, articleId, partial }) => ({ text, speaker, articleId, partial })), null, 2)}\n`);
    } else if (matches.length === 0) {
      process.stdout.write(query ? `no quotes match "${query}"\n` : 'no quotes in the stored articles\n');
    } else {
      for (const q of matches) process.stdout.write(`${q.partial ? '…' : ''}“${q.text}”${q.partial ? '…' : ''}\n  ${q.speaker} (article ${q.articleId}, sentence ${q.sentenceIndex + 1})\n`);
    }
  } finally {
    await store.close();
  }
}

/** `wirebrief quotes`: quotes of stored articles (by article id, speaker or words), or of a JSONL batch. */
export function register(program: Command): void {
  program
    .command('quotes')
    .description('direct quotes with their speakers: from the store (filtered by article id, speaker or words), or --input/--output JSONL batch')
    .argument('[query]', 'article id, speaker (any spelling) or words; all quotes when left out')
    .option('--json', 'print [{"text","speaker","articleId","partial"}]')
    .option('--input <file>', 'batch mode: JSONL lines {"id","articles":[text,...]} or {"id","text"}')
    .option('--output <file>', 'batch mode: JSONL file to write, one {"id","quotes":[{"text","speaker","partial"}]} per line')
    .action(async (query: string | undefined, options: { json?: boolean; input?: string; output?: string }) => {
      if ((options.input === undefined) !== (options.output === undefined)) throw new Error('quotes: --input and --output go together (batch mode)');
      if (options.input !== undefined && options.output !== undefined) {
        if (query !== undefined) throw new Error('quotes: a query filters stored quotes; it cannot be combined with --input');
        await transformJsonl({ command: 'wirebrief quotes', input: options.input, output: options.output, transform: batchLine });
        return;
      }
      await fromStore(query, options.json === true);
    });
}
