import { contentHash } from '../../core/ids.js';
import { type ArticleInput, type ArticleSink, rejectedItemOf, type WriteResult } from '../ingest-sink.js';
import { type FeedItem, itemKey } from './feed-item.js';
import type { ItemArticle } from './item-article.js';
import type { SeenItem } from './source-port.js';

export interface ItemSkip {
  readonly key: string;
  readonly reason: string;
}

export interface CollectResult {
  readonly stored: readonly WriteResult[];
  readonly skipped: readonly ItemSkip[];
  readonly remember: readonly SeenItem[];
}

/** Every key an item may be recognised by: its own key, and its link (guids that change each fetch still match). */
export function keysOf(item: FeedItem): string[] {
  const own = itemKey(item, contentHash);
  return item.link && own !== `link:${item.link}` ? [own, `link:${item.link}`] : [own];
}

/**
 * Turns a feed's unseen items into stored articles: each item made into an article (teaser pages fetched), written (or its reason kept),
 * and the keys to remember so the next poll skips them. An item the store refuses is skipped, not the batch.
 */
export async function collectItems(
  items: readonly FeedItem[],
  options: {
    readonly makeArticle: (item: FeedItem) => Promise<ItemArticle>;
    readonly sink: ArticleSink;
    readonly originPrefix: string;
    readonly storedAt: (item: FeedItem) => string | undefined;
  },
): Promise<CollectResult> {
  const skipped: ItemSkip[] = [];
  const remember: SeenItem[] = [];
  const ready: { input: ArticleInput; keys: string[] }[] = [];
  for (const item of items) {
    const keys = keysOf(item);
    const made = await options.makeArticle(item);
    if (!made.ok) {
      skipped.push({ key: keys[0]!, reason: made.reason });
      remember.push(...keys.map((key) => ({ key, note: made.reason })));
      continue;
    }
    const storedAt = options.storedAt(item);
    ready.push({ input: { ...made.input, originKey: `${options.originPrefix}${keys[0]}`, ...(storedAt ? { storedAt } : {}) }, keys });
  }
  const stored: WriteResult[] = [];
  for (const [index, result] of (await writeEach(options.sink, ready.map((r) => r.input))).entries()) {
    const { keys } = ready[index]!;
    if ('reason' in result) {
      skipped.push({ key: keys[0]!, reason: result.reason });
    } else {
      stored.push(result);
      remember.push(...keys.map((key) => ({ key, articleId: result.id })));
    }
  }
  return { stored, skipped, remember };
}

/** One transaction for the batch; when the store refuses an item, that item alone is dropped and the rest retried. */
async function writeEach(sink: ArticleSink, inputs: readonly ArticleInput[]): Promise<(WriteResult | { reason: string })[]> {
  const results: (WriteResult | { reason: string })[] = new Array(inputs.length);
  let pending = inputs.map((input, index) => ({ input, index }));
  while (pending.length > 0) {
    try {
      const written = await sink.writeArticles(pending.map((p) => p.input));
      written.forEach((result, i) => (results[pending[i]!.index] = result));
      return results;
    } catch (error) {
      const refused = rejectedItemOf(error);
      if (refused === undefined || pending[refused] === undefined) throw error;
      results[pending[refused].index] = { reason: error instanceof Error ? error.message : String(error) };
      pending = pending.filter((_, i) => i !== refused);
    }
  }
  return results;
}
