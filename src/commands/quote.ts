import type { StoryId } from '../core/article.js';
import type { Quote } from '../core/digest.js';
import type { Action, Block, Reply } from '../core/message.js';
import { extractQuotes, findQuotes, speakerAliases } from '../core/quotes/index.js';
import { splitSentences } from '../core/sentences.js';
import { looksLikeId } from './article.js';
import { notice } from './replies.js';
import { describeSource } from '../core/source-name.js';
import type { ArticleRecord, CommandDeps } from './types.js';

const quotesShown = 10;
const searchedArticles = 20;

/**
 * Quotes of a set of articles, speakers spelled one way across them (the seeds have "An Chan-il" and
 * "Ahn Chan-il"), full quotes before fragments.
 */
function quotesOf(articles: readonly ArticleRecord[], query = ''): Quote[] {
  const raw = articles.flatMap((a) => extractQuotes({ id: a.id, body: a.body, sentences: splitSentences(a.body) }));
  const aliases = speakerAliases(raw, articles.map((a) => a.body));
  const unified = raw.map((q) => ({ ...q, speaker: aliases.get(q.speaker.toLowerCase()) ?? q.speaker }));
  return findQuotes(unified, query, aliases).sort((x, y) => Number(x.partial) - Number(y.partial));
}

export function quotesReply(title: string, quotes: readonly Quote[], articles: readonly ArticleRecord[]): Reply {
  if (quotes.length === 0) return notice(`No quotes found for ${title}.`);
  const byId = new Map(articles.map((a) => [a.id as string, a]));
  const shown = quotes.slice(0, quotesShown);
  const blocks: Block[] = shown.map((quote) => {
    const article = byId.get(quote.articleId);
    const url = article?.meta.url;
    return { kind: 'quote', quote, sourceName: article ? describeSource(article.meta) : quote.articleId, ...(url ? { url } : {}) };
  });
  const sourceIds = [...new Set(shown.map((q) => q.articleId))];
  const actions: Action[] = sourceIds.slice(0, 5).map((id) => ({ kind: 'article', label: `Full article ${id}`, value: id }));
  return {
    visibility: 'ephemeral',
    summary: `${shown.length} quote${shown.length === 1 ? '' : 's'} for ${title}`,
    blocks: [{ kind: 'heading', text: `Quotes: ${title}` }, ...blocks, { kind: 'actions', actions }],
  };
}

/** The quotes of a story (its thread, or a *Quotes* button on a digest). */
export async function storyQuotes(storyId: StoryId, deps: CommandDeps): Promise<Reply> {
  const articles = await deps.articles.storyArticles(storyId);
  if (articles.length === 0) return notice(`No story ${storyId}: it may have been merged or removed.`, 'error');
  return quotesReply(articles[0]!.title, quotesOf(articles), articles);
}

/** `/quote <id, speaker or words>`. */
export async function quote(query: string, deps: CommandDeps): Promise<Reply> {
  const article = looksLikeId(query) ? await deps.articles.getArticle(query) : undefined;
  if (article) return quotesReply(`${article.title} (${article.id})`, quotesOf([article]), [article]);
  const hits = await deps.articles.search(query, { limit: searchedArticles });
  const articles = (await Promise.all(hits.map((h) => deps.articles.getArticle(h.id)))).filter((a): a is ArticleRecord => a !== undefined);
  // The search found the articles; when no quote itself matches the words, their quotes are still the answer.
  const matching = quotesOf(articles, query);
  return quotesReply(`"${query}"`, matching.length > 0 ? matching : quotesOf(articles), articles);
}
