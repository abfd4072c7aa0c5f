import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { KnownArticleFacts } from '../core/parse/parse-text.js';
import { parseArticleText } from '../core/parse/parse-text.js';
import { refuse, type ParseResult } from '../core/parse/result.js';

/**
 * HTML page → article: @mozilla/readability finds the main text on a linkedom document; each block of the
 * extracted content becomes a paragraph so the segmenter sees the page's paragraph breaks. Facts come
 * from the page's own metadata (Open Graph / article:published_time / <time>), never guessed.
 */
const blockSelector = 'p, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td';

export function parseHtmlArticle(html: string): ParseResult {
  // linkedom leaves a fragment without <html> documentless, and Readability needs a full document.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  const facts = pageFacts(document);
  let extracted: ReturnType<Readability['parse']>;
  try {
    extracted = new Readability(document, { charThreshold: 0 }).parse();
  } catch (error) {
    return refuse(`HTML could not be read as an article: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = extracted?.content ? blocksText(extracted.content) : '';
  const fallback = text || (extracted?.textContent ?? '').trim();
  if (fallback === '') return refuse('HTML has no article text (no paragraphs found in the page)');
  const title = facts.title ?? extracted?.title?.trim();
  const article = parseArticleText(fallback, { ...facts, ...(title ? { title } : {}) });
  return article.body === '' ? refuse('HTML has no article text (no paragraphs found in the page)') : { ok: true, article };
}

function blocksText(contentHtml: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`);
  const blocks: string[] = [];
  for (const element of document.querySelectorAll(blockSelector)) {
    // Nested blocks (a <p> inside an <li>) are read once, from the innermost element.
    if (element.querySelector(blockSelector)) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) blocks.push(text);
  }
  return blocks.join('\n\n');
}

type PageDocument = ReturnType<typeof parseHTML>['document'];

function pageFacts(document: PageDocument): KnownArticleFacts {
  const meta = (selector: string): string | undefined => document.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const text = (selector: string): string | undefined => document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
  const published =
    meta('meta[property="article:published_time"]') ?? meta('meta[name="date"]') ?? meta('meta[itemprop="datePublished"]') ??
    (document.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() || undefined);
  const facts = {
    title: text('h1') ?? meta('meta[property="og:title"]') ?? text('title'),
    source: meta('meta[property="og:site_name"]'),
    url: document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || meta('meta[property="og:url"]'),
    published,
    author: meta('meta[name="author"]'),
  };
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as KnownArticleFacts;
}
