import { entityKey, entityMentions } from '../key-terms.js';
import { contentTerms } from '../text/terms.js';

/** What clustering keeps of an article: term counts, entity keys and time. Serialisable as plain JSON. */
export interface DocFeatures {
  /** Stemmed content term → count, for at most `maxTerms` terms (the most frequent). */
  readonly terms: ReadonlyMap<string, number>;
  /** Entity keys ("kim jong un", "north korea"). */
  readonly entities: ReadonlySet<string>;
  /** Milliseconds since the epoch, when the article's date is known. */
  readonly time?: number;
}

// The top of a news article carries the event; reading further only adds cost and background.
const maxChars = 5000;
const maxTerms = 150;

export class InvalidDateError extends Error {
  constructor(id: string, published: string) {
    super(`article ${id}: published "${published}" is not an ISO date or date-time`);
    this.name = 'InvalidDateError';
  }
}

export function parsePublished(id: string, published: string | undefined): number | undefined {
  if (published === undefined) return undefined;
  const time = /^\d{4}-\d{2}-\d{2}/.test(published) ? Date.parse(published) : Number.NaN;
  if (Number.isNaN(time)) throw new InvalidDateError(id, published);
  return time;
}

export function docFeatures(text: string, time: number | undefined): DocFeatures {
  const head = text.slice(0, maxChars);
  const counts = new Map<string, number>();
  for (const term of contentTerms(head)) if (term.length > 2 && !/^\d+$/.test(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
  const terms = new Map([...counts].sort((a, b) => b[1] - a[1]).slice(0, maxTerms));
  const entities = new Set(entityMentions(head).map((m) => entityKey(m.surface)).filter((k) => k.length > 1));
  return time === undefined ? { terms, entities } : { terms, entities, time };
}
