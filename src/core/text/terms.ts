import { stemmer } from 'stemmer';
import * as stopwordLists from 'stopword';

/**
 * Content terms for scoring and matching: lower-cased words and numbers, English stop words removed,
 * Porter-stemmed. Stems are memoised because news vocabulary repeats heavily and stemming dominates
 * the cost of term extraction.
 */
// @types/stopword (pulled in by ts-textrank) describes stopword v1; v3 exports one list per language.
const stopWords: ReadonlySet<string> = new Set((stopwordLists as unknown as { eng: readonly string[] }).eng);
const stemCache = new Map<string, string>();
const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function words(text: string): string[] {
  return text.toLowerCase().match(wordPattern) ?? [];
}

export function isStopWord(word: string): boolean {
  return stopWords.has(word);
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
  for (const raw of words(text)) {
    const word = raw.replace(/['’]s$/, '');
    if (word.length < 2 || isStopWord(word)) continue;
    terms.push(stem(word));
  }
  return terms;
}
