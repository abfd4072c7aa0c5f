/** A feed entry in one shape, whatever the feed format. Absent means the feed did not say. */
export interface FeedItem {
  readonly guid?: string;
  readonly link?: string;
  readonly title?: string;
  /** The fullest body the feed carries, as HTML (content:encoded, Atom content, content_html). */
  readonly contentHtml?: string;
  /** A plain-text body (JSON Feed content_text). */
  readonly contentText?: string;
  /** A teaser (RSS description, Atom summary, JSON Feed summary), HTML or text. */
  readonly summary?: string;
  /** ISO date-time when the feed gave a readable date. */
  readonly published?: string;
  readonly author?: string;
}

export interface ParsedFeed {
  readonly format: 'rss' | 'atom' | 'rdf' | 'json';
  readonly title?: string;
  readonly items: readonly FeedItem[];
}

/** Tracking parameters that make one page look like many. */
const trackingParameter = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid)$/i;

/** The link in one spelling: no fragment, no tracking parameters, lower-case host, default port dropped. */
export function canonicalLink(link: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) if (trackingParameter.test(name)) url.searchParams.delete(name);
  return url.href;
}

/**
 * The key an item is remembered by within its feed: the guid (feeds promise it is stable), else the canonical
 * link, else the content. A feed that breaks its promise and changes guids is still deduplicated, because the
 * poller also checks the link and the store merges identical content into one article.
 */
export function itemKey(item: FeedItem, contentHash: (text: string) => string): string {
  if (item.guid) return `guid:${item.guid}`;
  if (item.link) return `link:${item.link}`;
  return `hash:${contentHash(`${item.title ?? ''}\n${item.contentHtml ?? item.contentText ?? item.summary ?? ''}`)}`;
}
