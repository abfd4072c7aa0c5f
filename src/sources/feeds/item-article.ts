import type { ArticleMeta, ParsedArticle } from '../../core/article.js';
import { parseArticleText } from '../../core/parse/parse-text.js';
import type { FetchOutcome } from '../fetch/fetch-types.js';
import { parseHtmlArticle } from '../html-article.js';
import type { ArticleInput } from '../ingest-sink.js';
import type { FeedItem } from './feed-item.js';

export type ItemArticle = { readonly ok: true; readonly input: Omit<ArticleInput, 'originKey'> } | { readonly ok: false; readonly reason: string };

/**
 * Below this much text a feed entry is a teaser, and the linked page holds the article. Real full-text feeds
 * carry whole articles (thousands of characters); teasers are a sentence or two.
 */
export const teaserMaxChars = 600;
/** Fewer words than this on a page is furniture, not an article. */
const minPageWords = 25;

/**
 * A feed item → the article to store. Full text in the feed is used as it is; a teaser sends us to the linked
 * page, read with readability. Facts the page lacks (title, author, date) come from the feed; the page's own
 * facts win, since the page is the article.
 */
export async function itemArticle(item: FeedItem, feedTitle: string | undefined, fetchPage: (url: string) => Promise<FetchOutcome>): Promise<ItemArticle> {
  const known: ArticleMeta = {
    ...(item.published ? { published: item.published } : {}),
    ...(item.author ? { author: item.author } : {}),
    ...(item.link ? { url: item.link } : {}),
    ...(feedTitle ? { source: feedTitle } : {}),
  };
  const own = fromFeed(item, known);
  if (own && own.body.length >= teaserMaxChars) return stored(own);
  if (!item.link) return own ? stored(own) : { ok: false, reason: 'the item has no text and no link' };
  const page = await pageArticle(item.link, fetchPage);
  if (!page.ok) return page;
  return stored(withFeedFacts(page.article, item.title, known));
}

/** One article page (a teaser's link, or a single-URL source). */
export async function pageArticle(url: string, fetchPage: (url: string) => Promise<FetchOutcome>): Promise<{ ok: true; article: ParsedArticle } | { ok: false; reason: string }> {
  const fetched = await fetchPage(url);
  if (fetched.kind === 'failed') return { ok: false, reason: `page ${fetched.reason}` };
  if (fetched.kind === 'not-modified') return { ok: false, reason: `page ${url}: answered 304 to an unconditional request` };
  if (fetched.contentType !== '' && !/html|xml/.test(fetched.contentType)) {
    return { ok: false, reason: `page ${url}: not an HTML page (${fetched.contentType})` };
  }
  const parsed = parseHtmlArticle(fetched.text);
  if (!parsed.ok) return { ok: false, reason: `page ${url}: ${parsed.reason}` };
  // Readability always finds something; a navigation bar or a cookie notice is not an article.
  const words = parsed.article.body.split(/\s+/).filter(Boolean).length;
  if (words < minPageWords) return { ok: false, reason: `page ${url}: no article text (only ${words} words outside the page furniture)` };
  return { ok: true, article: { ...parsed.article, meta: { ...parsed.article.meta, url: parsed.article.meta.url ?? fetched.url } } };
}

function fromFeed(item: FeedItem, known: ArticleMeta): ParsedArticle | undefined {
  const facts = { ...known, ...(item.title ? { title: item.title } : {}) };
  if (item.contentText?.trim()) return parseArticleText(item.contentText, facts);
  const html = item.contentHtml ?? item.summary;
  if (!html?.trim()) return undefined;
  const parsed = parseHtmlArticle(html);
  return parsed.ok ? withFeedFacts(parsed.article, item.title, known) : undefined;
}

function withFeedFacts(article: ParsedArticle, feedItemTitle: string | undefined, known: ArticleMeta): ParsedArticle {
  const useFeedTitle = !article.titleIsOwn && feedItemTitle !== undefined;
  return {
    ...article,
    title: useFeedTitle ? feedItemTitle : article.title,
    titleIsOwn: article.titleIsOwn || useFeedTitle,
    meta: { ...known, ...article.meta },
  };
}

function stored(article: ParsedArticle): ItemArticle {
  if (article.body.trim() === '') return { ok: false, reason: 'no article text' };
  return { ok: true, input: { title: article.title, titleIsOwn: article.titleIsOwn, body: article.body, meta: article.meta } };
}
