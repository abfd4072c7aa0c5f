import { stemmer } from 'stemmer';
import { contentTerm } from '../text/terms.js';
import { lowestValue, UnitTable } from './unit-table.js';

/**
 * Word -> content-term id, memoised by the word's lower-cased code units in a `UnitTable`. A word seen
 * before (most words of news text) is found from code units the reader already holds and a hash computed
 * while reading them: no string is built, no Map is asked. The decision for a new word is the shared
 * `contentTerm` of that word, so the two cannot drift apart. Term ids are global and stay valid until
 * `forgetWordsIfFull` starts over, which callers do only between summarization calls.
 */
export const noTerm = lowestValue;

// Bounds memory the way the string memo did: beyond this many distinct words, start over.
const maxRememberedWords = 200_000;

// Words to term ids, and the stems that the ids stand for to their ids (so that words with one stem share it).
let table = new UnitTable(1 << 15);
let stems = new UnitTable(1 << 14);
let stemUnits = new Uint16Array(1 << 6);

/** How many distinct term ids exist: every id is below this. */
export function termIdLimit(): number {
  return stems.entries;
}

/** Starts over when the table holds too many words; term ids handed out before are invalid afterwards. */
export function forgetWordsIfFull(): void {
  if (table.entries < maxRememberedWords) return;
  table = new UnitTable(1 << 15);
  stems = new UnitTable(1 << 14);
}

/**
 * The term ids of `count` words, into `terms` (stop words and the like left out), and how many there are.
 * Word k is described by `spans[4k, 4k + 4)`: where its lower-cased code units start in `units`, how many
 * there are, their hash, and where the word starts in `source` (see `termOfWord`).
 */
export function termsOfWords(units: Uint16Array, spans: Int32Array, count: number, source: string, terms: Int32Array): number {
  const words = table;
  // Most words of a sentence are rare enough that their probes miss the cache; see `UnitTable.touch`.
  words.touch(spans, 2, 4 * count, 4);
  let found = 0;
  for (let s = 0; s < 4 * count; s += 4) {
    const at = spans[s]!;
    const length = spans[s + 1]!;
    const hash = spans[s + 2]!;
    const known = words.find(units, at, length, hash);
    const term = known >= noTerm ? known : learn(units, at, length, hash, known, source.slice(spans[s + 3]!, spans[s + 3]! + length));
    if (term !== noTerm) terms[found++] = term;
  }
  return found;
}

/**
 * The term id of a word given as its lower-cased code units `word[at, at + length)` and their `hash` (any
 * hash, as long as the same units always get the same one), or `noTerm` for a stop word or a word too
 * short to mean anything. The word as written is `source.slice(start, start + length)`, which a word not
 * seen before is decided from.
 */
export function termOfWord(word: Uint16Array, at: number, length: number, hash: number, source: string, start: number): number {
  const found = table.find(word, at, length, hash);
  return found >= noTerm ? found : learn(word, at, length, hash, found, source.slice(start, start + length));
}

// The first sighting of a word, kept out of the lookups so that they stay small enough to inline.
function learn(word: Uint16Array, at: number, length: number, hash: number, miss: number, written: string): number {
  // Exactly one word as `words` finds it, so this is `contentTerms(written)[0]` without the regex; this
  // table is the memo, so the stem memo is skipped.
  const term = contentTerm(written.toLowerCase(), stemmer);
  const id = term === undefined ? noTerm : idOfStem(term);
  table.add(miss, word, at, length, hash, id);
  return id;
}

function idOfStem(stem: string): number {
  if (stemUnits.length < stem.length) stemUnits = new Uint16Array(stem.length);
  // FNV-1a; any hash would do.
  let hash = 0x811c9dc5 | 0;
  for (let k = 0; k < stem.length; k++) hash = Math.imul(hash ^ (stemUnits[k] = stem.charCodeAt(k)), 0x01000193);
  const found = stems.find(stemUnits, 0, stem.length, hash);
  if (found >= 0) return found;
  const id = stems.entries;
  stems.add(found, stemUnits, 0, stem.length, hash, id);
  return id;
}
