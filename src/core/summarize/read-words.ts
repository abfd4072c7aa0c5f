import { words as wordsOf } from '../text/terms.js';
import { countWords } from './budget.js';
import * as classes from './char-classes.js';
import { noTerm, termOfWord, termsOfWords } from './word-terms.js';

/**
 * What a sentence says, read once: the global term id of each content word in order (in `reading.terms`),
 * the number of whitespace-separated words and the first run of letters and digits. A char-code pass
 * finds, lower-cases and hashes the words in one go, then each is looked up in the word table; text that
 * pass cannot vouch for (see `char-classes.ts`) is read by the shared `words` instead. Both give exactly
 * the terms of `contentTerms(text)`.
 */
export interface Reading {
  /** Global term ids in [0, count); reused by the next `readWords`. */
  terms: Int32Array;
  count: number;
  /** Whitespace-separated words, as `countWords` counts them. */
  words: number;
  /** The first run of letters and digits, lower-cased; '' when there is none. */
  opener: string;
}

export const reading: Reading = { terms: new Int32Array(1 << 10), count: 0, words: 0, opener: '' };

// Imported bindings are read through their module cell at every use, which a per-character loop feels;
// these module constants are not.
const { space, letter, digit, apostrophe, needsString, unclassified, charInfos, classifyUnits } = classes;
// What `scanWords` answers when it meets a code unit not classified yet: classifying it there would put
// a call into the per-character loop, which slows every character down.
const unclassifiedUnit = -2;
// What `scanWords` answers when it has handed the text to the string path, which filled `reading`.
const handedToStringPath = -1;
// FNV-1a over the lower-cased code units; the word table only needs the same hash for the same word.
const hashSeed = 0x811c9dc5 | 0;
const hashPrime = 0x01000193;
// One sentence's words: their lower-cased code units end to end, and per word [where its units start,
// how many, their hash, where it starts in the text].
let units = new Uint16Array(1 << 10);
let spans = new Int32Array(4 << 8);
const firstWord = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u;

/**
 * Reads the sentence `source.slice(start, end)`. The whole text is passed, not the slice: a slice is a view
 * on its parent string that every character read has to look through, which made reading a quarter slower.
 */
export function readWords(source: string, start: number, end: number): void {
  const length = end - start;
  if (reading.terms.length < length) reading.terms = new Int32Array(length);
  if (units.length < length) units = new Uint16Array(length);
  if (spans.length < 4 * length) spans = new Int32Array(4 * length);
  let found = scanWords(source, start, end, units, spans);
  if (found === unclassifiedUnit) {
    classifyUnits(source, start, end);
    found = scanWords(source, start, end, units, spans);
  }
  if (found >= 0) reading.count = termsOfWords(units, spans, found, source, reading.terms);
}

/**
 * Finds the words and fills `units` and `spans`, and `reading` but for the terms: how many words there
 * are, `unclassifiedUnit`, or `handedToStringPath` when `text` holds a code unit this pass cannot vouch
 * for. The words are looked up afterwards, all together, so that their word-table cache misses can
 * overlap (see `termsOfWords`).
 */
function scanWords(text: string, from: number, to: number, units: Uint16Array, spans: Int32Array): number {
  let found = 0;
  let used = 0;
  let words = 0;
  let inWord = false;
  let openerStart = -1;
  let openerEnd = -1;
  let i = from;
  while (i < to) {
    let info = charInfos[text.charCodeAt(i)]!;
    if (info === unclassified) return unclassifiedUnit;
    let kind = info >>> 16;
    if (kind !== letter && kind !== digit) {
      if (kind === space) inWord = false;
      else if (kind === needsString) {
        // Here rather than in the caller: the first such text after the caller was optimised would throw
        // away its optimised code, and the caller is the larger function.
        readByString(text.slice(from, to), reading.terms);
        return handedToStringPath;
      }
      else if (!inWord) {
        words++;
        inWord = true;
      }
      i++;
      continue;
    }
    if (!inWord) {
      words++;
      inWord = true;
    }
    const start = i;
    const at = used;
    let hash = hashSeed;
    // Letters and digits, then any number of apostrophe + letters ("o'neill's").
    for (;;) {
      const unit = info & 0xffff;
      units[used++] = unit;
      hash = Math.imul(hash ^ unit, hashPrime);
      if (++i === to) break;
      info = charInfos[text.charCodeAt(i)]!;
      if (info === unclassified) return unclassifiedUnit;
      kind = info >>> 16;
      if (kind !== letter && kind !== digit) break;
    }
    if (openerStart < 0) {
      openerStart = start;
      openerEnd = i;
    }
    // An unclassified unit after the apostrophe is found when the loop gets to it.
    while (i + 1 < to && kind === apostrophe && charInfos[text.charCodeAt(i + 1)]! >>> 16 === letter) {
      do {
        const unit = info & 0xffff;
        units[used++] = unit;
        hash = Math.imul(hash ^ unit, hashPrime);
        if (++i === to) break;
        info = charInfos[text.charCodeAt(i)]!;
        if (info === unclassified) return unclassifiedUnit;
        kind = info >>> 16;
      } while (kind === letter);
    }
    // A one-character word is never a term ("a", "I", the "s" of "U.S."), so it is not looked up.
    if (used - at === 1) {
      used = at;
      continue;
    }
    const s = 4 * found++;
    spans[s] = at;
    spans[s + 1] = used - at;
    spans[s + 2] = hash;
    spans[s + 3] = start;
  }
  reading.words = words;
  reading.opener = openerStart < 0 ? '' : text.slice(openerStart, openerEnd).toLowerCase();
  return found;
}

function readByString(text: string, terms: Int32Array): void {
  let count = 0;
  for (const word of wordsOf(text)) {
    // Lower-casing can lengthen text (İ becomes two code units), so a word may outgrow the buffer.
    if (units.length < word.length) units = new Uint16Array(word.length);
    let hash = hashSeed;
    for (let k = 0; k < word.length; k++) hash = Math.imul(hash ^ (units[k] = word.charCodeAt(k)), hashPrime);
    const term = termOfWord(units, 0, word.length, hash, word, 0);
    if (term !== noTerm) terms[count++] = term;
  }
  reading.count = count;
  reading.words = countWords(text);
  reading.opener = firstWord.exec(text)?.[1]?.toLowerCase() ?? '';
}
