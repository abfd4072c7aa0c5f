import { isStopWord, words } from '../core/text/terms.js';

/**
 * The words of a user's search that carry meaning: distinct, lower-cased, stop words dropped unless nothing
 * else is left ("the who"), and capped so a pasted paragraph cannot make a query of hundreds of terms.
 */
export function queryWords(text: string, max = 12): string[] {
  const all = [...new Set(words(text))];
  const meaningful = all.filter((w) => !isStopWord(w));
  return (meaningful.length > 0 ? meaningful : all).slice(0, max);
}
