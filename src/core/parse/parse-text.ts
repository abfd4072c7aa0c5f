import type { ArticleMeta, ParsedArticle } from '../article.js';
import { extractHeadline } from '../headline.js';
import { splitParagraphs, splitSentences } from '../sentences.js';
import { takeCredit, takeDate, takeLeadMarker } from './markers.js';

export type KnownArticleFacts = { readonly title?: string } & ArticleMeta;

const maxOwnTitleLength = 150;

/**
 * Plain-text news → ParsedArticle. Date, dateline/source prefix and credit line become metadata and leave
 * the body; a first line that reads as a headline (short, no closing full stop, more text after it) is the
 * title. Facts the caller already knows (front matter, feed, HTML meta) win over what the text says.
 */
export function parseArticleText(text: string, known: KnownArticleFacts = {}): ParsedArticle {
  const { title: knownTitle, ...knownMeta } = known;
  const dated = takeDate(text.replace(/^\uFEFF/, ''));
  const titled = takeOwnTitle(dated.rest);
  const marked = takeLeadMarker(titled.rest);
  const credited = takeCredit(marked.rest);
  const body = credited.rest.trim();
  const sentences = splitSentences(body);
  const found: ArticleMeta = {
    ...(dated.published ? { published: dated.published } : {}),
    ...(marked.dateline ? { dateline: marked.dateline } : {}),
    ...(marked.source ? { source: marked.source } : {}),
    ...(credited.credit ? { credit: credited.credit } : {}),
  };
  const meta = { ...found, ...withoutEmpty(knownMeta) };
  const ownTitle = knownTitle?.trim() || titled.title;
  return {
    title: ownTitle ?? extractHeadline(body, sentences),
    titleIsOwn: ownTitle !== undefined,
    body,
    paragraphs: splitParagraphs(body),
    sentences,
    meta,
  };
}

function takeOwnTitle(text: string): { readonly rest: string; readonly title?: string } {
  const paragraphs = splitParagraphs(text);
  const [first, second] = paragraphs;
  if (!first || !second) return { rest: text };
  const line = text.slice(first.start, first.end);
  const looksLikeHeadline =
    !line.includes('\n') && line.length <= maxOwnTitleLength && /\s/.test(line) && !/[.!?…:;,"'”’]$/u.test(line) && /^\p{Lu}/u.test(line);
  return looksLikeHeadline ? { rest: text.slice(second.start), title: line } : { rest: text };
}

function withoutEmpty(meta: ArticleMeta): ArticleMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, value]) => typeof value === 'string' && value.trim() !== ''));
}
