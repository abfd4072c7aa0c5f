import type { PoliteFetcher } from '../fetch/polite-fetcher.js';
import { canonicalLink } from './feed-item.js';
import { pageArticle } from './item-article.js';
import { parseFeedText } from './parse-feed.js';

export type SourceCheck =
  | { readonly ok: true; readonly kind: 'feed' | 'page'; readonly location: string; readonly title?: string; readonly preview: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/**
 * What `source add <url>` shows before storing anything: the URL is fetched and recognised as a feed (with its
 * first item titles) or an article page (with its title). Anything else is refused with the reason.
 */
export async function checkSourceUrl(url: string, fetcher: PoliteFetcher, previewItems = 3): Promise<SourceCheck> {
  const location = canonicalLink(url);
  if (!location) return { ok: false, reason: `${url}: not an http or https URL` };
  const fetched = await fetcher.fetch(location);
  if (fetched.kind === 'failed') return { ok: false, reason: fetched.reason };
  if (fetched.kind === 'not-modified') return { ok: false, reason: `${location}: answered 304 to an unconditional request` };
  const feed = parseFeedText(fetched.text, fetched.url);
  if (feed.ok) {
    const titles = feed.feed.items.slice(0, previewItems).map((item) => item.title ?? item.link ?? '(untitled item)');
    return { ok: true, kind: 'feed', location, ...(feed.feed.title ? { title: feed.feed.title } : {}), preview: titles };
  }
  if (!/html/.test(fetched.contentType)) return { ok: false, reason: `${location}: ${feed.reason}` };
  const page = await pageArticle(fetched.url, async () => fetched);
  if (!page.ok) return { ok: false, reason: `${location}: neither a feed nor an article (${page.reason})` };
  return { ok: true, kind: 'page', location, title: page.article.title, preview: [page.article.body.slice(0, 160)] };
}
