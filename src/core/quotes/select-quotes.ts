import type { Quote } from '../digest.js';
import { contentTerms } from '../text/terms.js';
import type { SpeakerAliases } from './unify-speakers.js';
import { areNameVariants } from './unify-speakers.js';

/** A full quote beats a fragment; then longer (up to a digest-friendly length); then the earlier one. */
function quoteScore(q: Quote): number {
  const words = q.text.split(/\s+/).length;
  return (q.partial ? 0 : 100) + Math.min(words, 40) - Math.max(0, words - 60);
}

/** The quote a digest shows for a story: prefer a full, long, named quote. */
export function bestQuote(quotes: readonly Quote[]): Quote | undefined {
  let best: Quote | undefined;
  for (const q of quotes) if (!best || quoteScore(q) > quoteScore(best)) best = q;
  return best;
}

function speakerMatches(speaker: string, query: string, aliases: SpeakerAliases): boolean {
  const q = query.trim().toLowerCase();
  const canonicalOfQuery = aliases.get(q);
  if (canonicalOfQuery !== undefined) return canonicalOfQuery === (aliases.get(speaker.toLowerCase()) ?? speaker);
  if (areNameVariants(speaker, query)) return true;
  // A surname or given name alone ("Kim", "Chan-il") finds the speaker.
  return speaker.toLowerCase().split(/\s+/).includes(q);
}

/**
 * Quotes answering a /quote query: an article id (case-insensitive), a speaker (any spelling variant
 * known to `aliases`, or one part of the name), or words that all occur in the quote (stemmed).
 */
export function findQuotes(quotes: readonly Quote[], query: string, aliases: SpeakerAliases = new Map()): Quote[] {
  const q = query.trim();
  if (q === '') return [...quotes];
  const terms = contentTerms(q);
  return quotes.filter((quote) => {
    if (quote.articleId.toLowerCase() === q.toLowerCase() || speakerMatches(quote.speaker, q, aliases)) return true;
    if (terms.length === 0) return false;
    const quoteTerms = new Set(contentTerms(quote.text));
    return terms.every((t) => quoteTerms.has(t));
  });
}
