import { stemmer } from 'stemmer';
import { englishStopWords } from './stop-words.js';

/**
 * Content terms for scoring and matching: lower-cased words and numbers, English stop words removed,
 * Porter-stemmed. Stems are memoised because news vocabulary repeats heavily and stemming dominates
 * the cost of term extraction.
 */
const stemCache = new Map<string, string>();
const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function words(text: string): string[] {
  return text.toLowerCase().match(wordPattern) ?? [];
}

export function isStopWord(word: string): boolean {
  return englishStopWords.has(word);
}

export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    if (stemCache.size < 200_000) stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Stemmed non-stop-word terms of `text`, in order, with repeats. Possessive "'s" is dropped. */
export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of words(text)) {
    const term = contentTerm(word);
    if (term !== undefined) terms.push(term);
  }
  return terms;
}

/**
 * The term of one word as `words` finds it (lower-cased), or undefined for a stop word or a word under two
 * characters. `stemOf` is the Porter stemmer to use: by default `stem`, whose memo a caller that memoises
 * whole words itself can skip by passing the plain one.
 */
export function contentTerm(word: string, stemOf: (word: string) => string = stem): string | undefined {
  const end = word.length;
  const possessive = end >= 2 && word.charCodeAt(end - 1) === 0x73 && (word.charCodeAt(end - 2) === 0x27 || word.charCodeAt(end - 2) === 0x2019);
  const bare = possessive ? word.slice(0, end - 2) : word;
  if (bare.length < 2 || isStopWord(bare)) return undefined;
  return stemOf(bare);
}
