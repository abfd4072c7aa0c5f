import { type AnyFeed, type AtomFeed, parseFeed as feedsmithParse } from 'feedsmith';
import { canonicalLink, type FeedItem, type ParsedFeed } from './feed-item.js';

export type FeedParse = { readonly ok: true; readonly feed: ParsedFeed } | { readonly ok: false; readonly reason: string };

/**
 * Feed text (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed) → items in one shape, via feedsmith. `baseUrl` resolves
 * relative links. Not a feed, or broken XML/JSON → a reason, never an exception.
 */
export function parseFeedText(text: string, baseUrl?: string): FeedParse {
  let parsed: AnyFeed<string>;
  try {
    parsed = feedsmithParse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'DetectError') return { ok: false, reason: 'not a feed (no RSS, Atom, RDF or JSON Feed document found)' };
    if (name === 'MalformedError') return { ok: false, reason: 'malformed feed (the XML or JSON is broken)' };
    return { ok: false, reason: `feed could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const link = (value: string | undefined) => (value ? canonicalLink(value, baseUrl) : undefined);
  switch (parsed.format) {
    case 'rss':
      return ok(parsed.format, parsed.feed.title, (parsed.feed.items ?? []).map((item) => ({
        guid: item.guid?.value,
        link: link(item.link ?? (item.guid?.isPermaLink !== false ? item.guid?.value : undefined)),
        title: item.title,
        contentHtml: item.content?.encoded,
        summary: item.description,
        published: isoDate(item.pubDate ?? item.dc?.dates?.[0]),
        author: item.dc?.creators?.[0] ?? item.authors?.[0]?.name,
      })));
    case 'rdf':
      return ok(parsed.format, parsed.feed.title, (parsed.feed.items ?? []).map((item) => ({
        guid: item.rdf?.about,
        link: link(item.link),
        title: item.title,
        contentHtml: item.content?.encoded,
        summary: item.description,
        published: isoDate(item.dc?.dates?.[0]),
        author: item.dc?.creators?.[0],
      })));
    case 'atom':
      return ok(parsed.format, parsed.feed.title?.value, (parsed.feed.entries ?? []).map((entry) => ({
        guid: entry.id,
        link: link(alternateLink(entry.links)),
        title: entry.title?.value,
        ...atomContent(entry.content),
        summary: entry.summary?.value,
        published: isoDate(entry.published ?? entry.updated),
        author: entry.authors?.[0]?.name,
      })));
    case 'json':
      return ok(parsed.format, parsed.feed.title, (parsed.feed.items ?? []).map((item) => ({
        guid: item.id,
        link: link(item.url ?? item.external_url),
        title: item.title,
        contentHtml: item.content_html,
        contentText: item.content_text,
        summary: item.summary,
        published: isoDate(item.date_published ?? item.date_modified),
        author: item.authors?.[0]?.name,
      })));
  }
}

function ok(format: ParsedFeed['format'], title: string | undefined, items: FeedItem[]): FeedParse {
  const clean = items.map((item) => Object.fromEntries(Object.entries(item).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as FeedItem);
  return { ok: true, feed: { format, ...(title?.trim() ? { title: title.trim() } : {}), items: clean } };
}

function alternateLink(links: readonly { href?: string; rel?: string }[] | undefined): string | undefined {
  return (links?.find((l) => (l.rel ?? 'alternate') === 'alternate') ?? links?.[0])?.href;
}

function atomContent(content: AtomFeed.Content | undefined): Pick<FeedItem, 'contentHtml' | 'contentText'> {
  if (!content?.value) return {};
  return content.type === 'text' ? { contentText: content.value } : { contentHtml: content.value };
}

/** A feed date (RFC 822, ISO 8601 …) as ISO, or undefined when it cannot be read: never a guessed date. */
function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
