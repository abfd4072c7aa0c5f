import type { StoryId } from '../core/article.js';
import type { Reply } from '../core/message.js';
import { articlePage, findArticle, parsePageValue } from './article.js';
import { digest } from './digest.js';
import { news } from './news.js';
import { quote, storyQuotes } from './quote.js';
import { notice } from './replies.js';
import { storyCard } from './story-card.js';
import { maxArgumentLength, usage } from './usage.js';
import { wirebrief } from './wirebrief.js';
import type { ActionInput, CommandDeps, CommandInput } from './types.js';

/**
 * Every slash command, once, for every platform. User mistakes come back as usage or notice Replies (never
 * thrown); a thrown error is a bug or an outage, and the adapter answers it with a generic apology.
 */
export async function runCommand(input: CommandInput, deps: CommandDeps): Promise<Reply> {
  const text = input.text.trim();
  if (text.length > maxArgumentLength) {
    return usage(input.name, `That is ${text.length} characters; commands take at most ${maxArgumentLength}.`, input.ctx.platform);
  }
  switch (input.name) {
    case 'digest':
      return digest(text, input.ctx, deps);
    case 'article': {
      if (text === '' && input.ctx.threadStoryId) return storyLead(input.ctx.threadStoryId, deps);
      if (text === '') return usage('article', 'Say which article: an id such as a1b2c3d, or some words from it.', input.ctx.platform);
      const lookup = await findArticle(text, deps);
      return 'found' in lookup ? articlePage(lookup.found, 1) : lookup.reply;
    }
    case 'quote':
      if (text === '') {
        return input.ctx.threadStoryId ? storyQuotes(input.ctx.threadStoryId, deps) : usage('quote', 'Say whose or which quotes: an article id, a speaker or some words.', input.ctx.platform);
      }
      return quote(text, deps);
    case 'news':
      return text === '' ? usage('news', 'Say what to search for.', input.ctx.platform) : news(text, deps);
    case 'wirebrief':
      return wirebrief(text, input.ctx, deps);
  }
}

/**
 * Button presses, routed to the same functions as the commands. Values come back from the platform and
 * may be stale or forged: anything that does not resolve is answered with a notice, never a throw.
 */
export async function runAction(input: ActionInput, deps: CommandDeps): Promise<Reply> {
  const { kind, value } = input.action;
  switch (kind) {
    case 'article': {
      const article = await deps.articles.getArticle(value);
      return article ? articlePage(article, 1) : notice(`Article ${value} is no longer stored.`, 'error');
    }
    case 'page':
    case 'share': {
      const target = parsePageValue(value);
      const article = target ? await deps.articles.getArticle(target.id) : undefined;
      if (!target || !article) return notice('That page is no longer available; run /article again.', 'error');
      return articlePage(article, target.page, kind === 'share' ? 'channel' : 'ephemeral');
    }
    case 'quotes':
    case 'discuss': {
      const storyId = await storyOf(value, deps);
      if (!storyId) return notice(`Story ${value} is no longer stored.`, 'error');
      return kind === 'quotes' ? storyQuotes(storyId, deps) : storyCard(storyId, deps);
    }
  }
}

/** In a story's thread, "article" means the story's first report. */
async function storyLead(storyId: StoryId, deps: CommandDeps): Promise<Reply> {
  const [lead] = await deps.articles.storyArticles(storyId);
  return lead ? articlePage(lead, 1) : notice(`Story ${storyId} is no longer stored.`, 'error');
}

/** Story buttons carry a story id; older or article-level buttons carry an article id. */
async function storyOf(value: string, deps: CommandDeps): Promise<StoryId | undefined> {
  const article = await deps.articles.getArticle(value);
  if (article) return article.storyId ?? undefined;
  const articles = await deps.articles.storyArticles(value as StoryId);
  return articles.length > 0 ? (value as StoryId) : undefined;
}
