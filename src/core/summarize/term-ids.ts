import { words as wordsOf } from '../text/terms.js';
import { countWords } from './budget.js';
import { apostrophe, charInfo, digit, letter, needsString, space } from './char-classes.js';
import { forgetWordsIfFull, hashSeed, hashStep, noTerm, termIdLimit, termOfWord } from './word-terms.js';

/** What one pass over a sentence finds. */
export interface SentenceReading {
  /** Whitespace-separated words, as `countWords` counts them. */
  readonly words: number;
  /** The first run of letters and digits, lower-cased; '' when there is none. */
  readonly opener: string;
  /** The sentence's distinct term ids (ascending) and counts are `termIds`/`termCounts` in [termStart, termEnd). */
  readonly termStart: number;
  readonly termEnd: number;
}

// Scratch reused from sentence to sentence: global term ids of one sentence, one word's code units.
let occurrences = new Int32Array(1 << 10);
let word = new Uint16Array(1 << 8);
let generation = 0;
let localOf = new Int32Array(1 << 12);
let stampOf = new Int32Array(1 << 12);
// Every accepted sentence's terms end to end, for the newest vocabulary; copied out at the end of a call.
let ids = new Int32Array(1 << 12);
let counts = new Float64Array(1 << 12);
const firstWord = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u;

/**
 * Content terms of sentences as integer ids in a vocabulary local to one summarization call (dense, in
 * order of first appearance in accepted sentences, so per-call arrays can be indexed by them). Reading is
 * one char-code pass per sentence that finds, lower-cases and hashes words and counts whitespace-separated
 * ones; the global term id maps to the local one through arrays stamped with the call's generation, so no
 * per-call map is built. Text the char-code pass cannot vouch for (see `char-classes.ts`) is read by the
 * shared `words` instead; both give exactly the terms of `contentTerms(text)`.
 */
export class Vocabulary {
  private readonly generation: number;
  private count = 0;
  private used = 0;

  constructor() {
    forgetWordsIfFull();
    this.generation = ++generation;
  }

  /** Distinct terms in the vocabulary: every local id is below this. */
  get size(): number {
    return this.count;
  }

  /** A copy of the term ids of the sentences read so far, in reading order; see `SentenceReading`. */
  get termIds(): Int32Array {
    this.checkCurrent();
    return ids.slice(0, this.used);
  }

  get termCounts(): Float64Array {
    this.checkCurrent();
    return counts.slice(0, this.used);
  }

  // The stamps, the shared buffers and the word table's ids belong to the newest vocabulary only.
  private checkCurrent(): void {
    if (this.generation !== generation) throw new Error('Vocabulary: a newer Vocabulary has been created since this one; use one per call');
  }

  /** The sentence's terms and word count, or undefined (and no ids taken) when it has fewer than `minWords` words or no terms. */
  read(text: string, minWords: number): SentenceReading | undefined {
    this.checkCurrent();
    if (occurrences.length < text.length) occurrences = new Int32Array(text.length);
    if (word.length < text.length) word = new Uint16Array(text.length);
    const n = readByCharCode(text);
    if (n < 0) return readByString(text, minWords, this);
    if (lastRead.words < minWords) return undefined;
    return this.accept(n, lastRead.words, lastRead.openerStart < 0 ? '' : text.slice(lastRead.openerStart, lastRead.openerEnd).toLowerCase());
  }

  /** Takes the first `n` global ids in `occurrences` as one sentence: local ids, then distinct ids ascending with counts. */
  accept(n: number, words: number, opener: string): SentenceReading | undefined {
    if (n === 0) return undefined;
    for (let i = 0; i < n; i++) {
      const term = occurrences[i]!;
      if (term >= stampOf.length) growStamps();
      if (stampOf[term] !== this.generation) {
        stampOf[term] = this.generation;
        localOf[term] = this.count++;
      }
      occurrences[i] = localOf[term]!;
    }
    // Sorting the occurrences groups repeats, so ids and counts come out of one pass without a map.
    sortPrefix(occurrences, n);
    if (this.used + n > ids.length) growTerms(this.used + n);
    const termStart = this.used;
    for (let i = 0; i < n; i++) {
      if (i === 0 || occurrences[i] !== occurrences[i - 1]) {
        ids[this.used] = occurrences[i]!;
        counts[this.used++] = 1;
      } else counts[this.used - 1]!++;
    }
    return { words, opener, termStart, termEnd: this.used };
  }

}

function growTerms(needed: number): void {
  const size = Math.max(needed, ids.length * 2);
  const [newIds, newCounts] = [new Int32Array(size), new Float64Array(size)];
  newIds.set(ids);
  newCounts.set(counts);
  [ids, counts] = [newIds, newCounts];
}

/** Sorts `values[0, n)` ascending in place; sentences have a few dozen terms, where insertion sort wins. */
function sortPrefix(values: Int32Array, n: number): void {
  if (n > 64) {
    values.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = values[i]!;
    let j = i - 1;
    for (; j >= 0 && values[j]! > v; j--) values[j + 1] = values[j]!;
    values[j + 1] = v;
  }
}

function growStamps(): void {
  const size = Math.max(termIdLimit(), stampOf.length * 2);
  const [newLocal, newStamp] = [new Int32Array(size), new Int32Array(size)];
  newLocal.set(localOf);
  newStamp.set(stampOf);
  [localOf, stampOf] = [newLocal, newStamp];
}

// What the last char-code pass found besides its terms; kept out of the hot loop's return value.
const lastRead = { words: 0, openerStart: -1, openerEnd: -1 };

/**
 * The char-code pass: fills `occurrences` with global term ids and returns how many, or -1 when `text`
 * holds a code unit it cannot vouch for. Word count and opener go to `lastRead`.
 */
function readByCharCode(text: string): number {
  const length = text.length;
  let n = 0;
  let words = 0;
  let inWord = false;
  let openerStart = -1;
  let openerEnd = -1;
  let i = 0;
  while (i < length) {
    let info = charInfo(text.charCodeAt(i));
    let kind = info >>> 16;
    if (kind !== letter && kind !== digit) {
      if (kind === needsString) return -1;
      if (kind === space) inWord = false;
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
    let hash = hashSeed;
    let w = 0;
    // Letters and digits, then any number of apostrophe + letters ("o'neill's").
    while (kind === letter || kind === digit) {
      word[w++] = info & 0xffff;
      hash = hashStep(hash, info & 0xffff);
      kind = ++i < length ? (info = charInfo(text.charCodeAt(i))) >>> 16 : space;
    }
    if (openerStart < 0) {
      openerStart = start;
      openerEnd = i;
    }
    while (kind === apostrophe && i + 1 < length && charInfo(text.charCodeAt(i + 1)) >>> 16 === letter) {
      do {
        word[w++] = info & 0xffff;
        hash = hashStep(hash, info & 0xffff);
        kind = ++i < length ? (info = charInfo(text.charCodeAt(i))) >>> 16 : space;
      } while (kind === letter);
    }
    const term = termOfWord(word, w, hash);
    if (term !== noTerm) occurrences[n++] = term;
  }
  lastRead.words = words;
  lastRead.openerStart = openerStart;
  lastRead.openerEnd = openerEnd;
  return n;
}

function readByString(text: string, minWords: number, vocabulary: Vocabulary): SentenceReading | undefined {
  const words = countWords(text);
  if (words < minWords) return undefined;
  const found = wordsOf(text);
  if (occurrences.length < found.length) occurrences = new Int32Array(found.length);
  let n = 0;
  for (const w of found) {
    if (word.length < w.length) word = new Uint16Array(w.length);
    let hash = hashSeed;
    for (let k = 0; k < w.length; k++) hash = hashStep(hash, (word[k] = w.charCodeAt(k)));
    const term = termOfWord(word, w.length, hash);
    if (term !== noTerm) occurrences[n++] = term;
  }
  return vocabulary.accept(n, words, firstWord.exec(text)?.[1]?.toLowerCase() ?? '');
}
