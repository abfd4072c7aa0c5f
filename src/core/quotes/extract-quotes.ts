import type { ArticleId, Sentence } from '../article.js';
import type { Quote } from '../digest.js';
import { attribute } from './attribution.js';
import { NameRegistry } from './name-registry.js';
import { quotedSpans } from './quoted-spans.js';
import type { QuotedSpan } from './quoted-spans.js';

export interface QuoteSource {
  readonly id: ArticleId;
  readonly body: string;
  readonly sentences: readonly Sentence[];
}

/** Fewer words than this in quotation marks is a scare quote ("threat") or a coined term, not a quote. */
export const minQuoteWords = 4;

const sentenceEnd = /[.!?]["”’)]?\s+(?=["“\p{Lu}])/gu;

function sentenceBefore(body: string, span: QuotedSpan, floor: number): string {
  // The opening mark is included so that a sentence end right before it is seen, then dropped.
  const text = body.slice(Math.max(span.lineStart, floor), span.open + 1);
  const ends = [...text.matchAll(sentenceEnd)];
  const last = ends[ends.length - 1];
  return (last ? text.slice(last.index + last[0].length) : text).slice(0, -1);
}

function sentenceAfter(body: string, span: QuotedSpan, ceiling: number): string {
  const text = body.slice(span.close + 1, Math.min(span.lineEnd, ceiling));
  const end = text.search(/[.!?](?:\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}

function sentenceIndexAt(sentences: readonly Sentence[], offset: number): number {
  let index = 0;
  for (const sentence of sentences) {
    if (sentence.start > offset) break;
    index = sentence.index;
  }
  return index;
}

/**
 * Direct quotes with their speakers. A quote whose words nobody is said to have spoken is left out (seed
 * 000's `will officially reveal its "plans for modernizing and upgrading its military"` names no speaker:
 * crediting "North Korea" would invent an attribution the article does not make), and so are quotes of
 * fewer than four words. A quote that starts a sentence right after an attributed quote continues it.
 */
export function extractQuotes(article: QuoteSource): Quote[] {
  const registry = new NameRegistry(article.body);
  const spans = quotedSpans(article.body);
  const quotes: Quote[] = [];
  let last: { speaker: string; at: number } | undefined;
  let lastQuoteLine = -1;
  spans.forEach((span, i) => {
    const inner = article.body.slice(span.open + 1, span.close);
    const text = inner.trim().replace(/[,;:]$/, '').trim();
    const previous = spans[i - 1];
    const next = spans[i + 1];
    const before = sentenceBefore(article.body, span, previous ? previous.close + 1 : 0);
    const after = sentenceAfter(article.body, span, next ? next.open : article.body.length);
    const attribution = attribute(before, inner, after);
    const continues = before.trim() === '' && lastQuoteLine === span.lineStart;
    const speaker = attribution ? registry.resolve(attribution.speaker, span.open, last) : continues ? last?.speaker : undefined;
    if (speaker === undefined) return;
    last = { speaker, at: span.close };
    lastQuoteLine = span.lineStart;
    if (text.split(/\s+/).length < minQuoteWords) return;
    quotes.push({
      text,
      speaker,
      articleId: article.id,
      partial: attribution ? !attribution.framed : false,
      sentenceIndex: sentenceIndexAt(article.sentences, span.open),
    });
  });
  return quotes;
}
