import type { Span } from '../core/article.js';
import { splitParagraphs, splitSentences } from '../core/sentences.js';

/**
 * Characters per /article page: one Slack section (3000) or one Discord embed description (4096) holds a
 * page whole, so a page is never cut by a renderer and Prev/Next always show the same text.
 */
export const articlePageSize = 2800;

/**
 * Splits an article body into pages of at most `size` characters. Each page is a verbatim slice of the body
 * (its own line breaks kept) ending at a paragraph boundary where possible, else at a sentence, else at a
 * space. No text is dropped: the pages, in order, cover every non-space character of the body.
 */
export function paginate(body: string, size = articlePageSize): string[] {
  const pieces = splitParagraphs(body).flatMap((p) => fit(body, p, size));
  const pages: string[] = [];
  let start: number | undefined;
  let end = 0;
  for (const piece of pieces) {
    if (start !== undefined && piece.end - start > size) {
      pages.push(body.slice(start, end));
      start = undefined;
    }
    start ??= piece.start;
    end = piece.end;
  }
  if (start !== undefined) pages.push(body.slice(start, end));
  return pages.length > 0 ? pages : [''];
}

function fit(body: string, paragraph: Span, size: number): Span[] {
  if (paragraph.end - paragraph.start <= size) return [paragraph];
  return splitSentences(body.slice(paragraph.start, paragraph.end)).flatMap((s) => {
    const span = { start: paragraph.start + s.start, end: paragraph.start + s.end };
    return span.end - span.start <= size ? [span] : byWords(body, span, size);
  });
}

function byWords(body: string, span: Span, size: number): Span[] {
  const parts: Span[] = [];
  let start = span.start;
  while (span.end - start > size) {
    const cut = body.lastIndexOf(' ', start + size);
    const end = cut > start ? cut : start + size;
    parts.push({ start, end });
    start = end;
    while (body[start] === ' ') start++;
  }
  if (start < span.end) parts.push({ start, end: span.end });
  return parts;
}
