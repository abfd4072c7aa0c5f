/** Deterministic article text and feed documents for the fake news server. */
const subjects = ['The harbour authority', 'A regional court', 'The city council', 'Researchers at the institute', 'The transport ministry', 'Local farmers'];
const verbs = ['announced', 'confirmed', 'rejected', 'published', 'postponed', 'approved'];
const objects = ['a plan for the northern district', 'new rules on water use', 'the budget for next year', 'a study of river pollution', 'changes to night trains', 'a compensation scheme'];

export interface FakeArticle {
  readonly id: string;
  readonly title: string;
  /** Several paragraphs, long enough to count as full text (not a teaser). */
  readonly paragraphs: readonly string[];
  readonly published: string;
  readonly author: string;
}

export function fakeArticle(feed: string, n: number, published = '2025-12-26T06:00:00Z'): FakeArticle {
  const pick = <T>(list: readonly T[], k: number) => list[(n * 7 + k * 3 + feed.length) % list.length]!;
  const paragraphs = [0, 1, 2, 3].map(
    (p) =>
      `${pick(subjects, p)} ${pick(verbs, p + 1)} ${pick(objects, p + 2)} on item ${n} of ${feed}, paragraph ${p + 1}. ` +
      `Officials said the decision numbered ${n * 10 + p} would take effect after a public consultation lasting several weeks. ` +
      `Critics of measure ${feed}-${n}-${p} argued that the timetable was too short for residents to respond in detail.`,
  );
  return { id: `${feed}-${n}`, title: `${pick(subjects, 5)} ${pick(verbs, 6)} measure ${n} (${feed})`, paragraphs, published, author: `Reporter ${n % 5}` };
}

export const html = (a: FakeArticle) => a.paragraphs.map((p) => `<p>${p}</p>`).join('');
const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const rfc822 = (iso: string) => new Date(iso).toUTCString();

export function rss2(title: string, base: string, articles: readonly FakeArticle[], options: { teaser?: boolean; guid?: (a: FakeArticle) => string } = {}): string {
  const items = articles.map((a) => {
    const body = options.teaser ? `<description>${xml(`<p>${a.paragraphs[0]!.slice(0, 120)}…</p>`)}</description>` : `<content:encoded><![CDATA[${html(a)}]]></content:encoded>`;
    return `<item><title>${xml(a.title)}</title><link>${base}/articles/${a.id}.html</link><guid isPermaLink="false">${xml(options.guid?.(a) ?? a.id)}</guid><pubDate>${rfc822(a.published)}</pubDate><dc:creator>${a.author}</dc:creator>${body}</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${xml(title)}</title><link>${base}/</link><description>Fake news</description>${items.join('')}</channel></rss>`;
}

export function rss1(title: string, base: string, articles: readonly FakeArticle[]): string {
  const items = articles.map(
    (a) =>
      `<item rdf:about="${base}/articles/${a.id}.html"><title>${xml(a.title)}</title><link>${base}/articles/${a.id}.html</link><dc:date>${a.published}</dc:date><dc:creator>${a.author}</dc:creator><content:encoded><![CDATA[${html(a)}]]></content:encoded></item>`,
  );
  return `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel rdf:about="${base}/"><title>${xml(title)}</title><link>${base}/</link><description>d</description></channel>${items.join('')}</rdf:RDF>`;
}

export function atom(title: string, base: string, articles: readonly FakeArticle[]): string {
  const entries = articles.map(
    (a) =>
      `<entry><title>${xml(a.title)}</title><id>urn:fake:${a.id}</id><updated>${a.published}</updated><published>${a.published}</published><link rel="alternate" href="${base}/articles/${a.id}.html"/><author><name>${a.author}</name></author><content type="html">${xml(html(a))}</content></entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${xml(title)}</title><id>urn:fake:${title}</id><updated>2025-12-26T06:00:00Z</updated>${entries.join('')}</feed>`;
}

export function jsonFeed(title: string, base: string, articles: readonly FakeArticle[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: articles.map((a) => ({ id: a.id, url: `${base}/articles/${a.id}.html`, title: a.title, content_text: a.paragraphs.join('\n\n'), date_published: a.published, authors: [{ name: a.author }] })),
  });
}

/** An article page: the body in <article>, the facts in the usual meta tags, plus navigation to ignore. */
export function articlePage(a: FakeArticle, options: { withFacts?: boolean } = {}): string {
  const facts = options.withFacts === false ? '' : `<meta property="article:published_time" content="${a.published}"><meta name="author" content="${a.author}">`;
  return `<!doctype html><html><head><title>${xml(a.title)} | Fake News</title>${facts}</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${xml(a.title)}</h1>${html(a)}</article><footer>© Fake News</footer></body></html>`;
}
