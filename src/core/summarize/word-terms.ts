import { contentTerms } from '../text/terms.js';

/**
 * Word -> content-term id, memoised by the word's lower-cased code units in an open-addressing hash table
 * over flat typed arrays. A word seen before (most words of news text) is found from code units the reader
 * already holds and a hash computed while reading them: no string is built, no Map is asked. The decision
 * for a new word is the shared `contentTerms` applied to that word, so the two cannot drift apart. Term
 * ids are global and stay valid until `forgetWordsIfFull` starts over, which callers do only between
 * summarization calls.
 */
export const noTerm = -1;
export const hashSeed = 0x811c9dc5 | 0;

/** One FNV-1a step: fold a lower-cased code unit into the running hash of a word. */
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

// Bounds memory the way the string memo did: beyond this many distinct words, start over.
const maxRememberedWords = 200_000;

// `find` answers a term id (>= noTerm) or, for a word it does not hold, its free record encoded below noTerm.
const missAt = (record: number): number => noTerm - 1 - record;
const recordOfMiss = (miss: number): number => noTerm - 1 - miss;

// A record is eight int32s in one array: [hash, length, where code units 8 and on sit in `tail`, term id,
// then code units 0-7 two to an int32]. A probe of a word of up to eight code units (most words) touches
// one cache line; length 0 marks a free record.
const recordSize = 8;
const inlineUnits = 8;

/** Code units k and k + 1 of `word` as one int32 (0 past the end), as a record stores them. */
function unitPair(word: Uint16Array, length: number, k: number): number {
  return word[k]! | ((k + 1 < length ? word[k + 1]! : 0) << 16);
}

class WordTable {
  records = new Int32Array((1 << 14) * recordSize);
  mask = this.records.length - 1;
  entries = 0;
  tail = new Uint16Array(1 << 14);
  tailUsed = 0;
  readonly termIdOf = new Map<string, number>();

  find(word: Uint16Array, length: number, hash: number): number {
    const records = this.records;
    for (let r = (hash * recordSize) & this.mask; ; r = (r + recordSize) & this.mask) {
      const recordLength = records[r + 1]!;
      if (recordLength === 0) return missAt(r);
      if (records[r] === hash && recordLength === length && this.sameUnits(r, word, length)) return records[r + 3]!;
    }
  }

  private sameUnits(r: number, word: Uint16Array, length: number): boolean {
    const inline = length < inlineUnits ? length : inlineUnits;
    for (let k = 0; k < inline; k += 2) if (this.records[r + 4 + (k >> 1)] !== unitPair(word, length, k)) return false;
    const at = this.records[r + 2]! - inlineUnits;
    for (let k = inlineUnits; k < length; k++) if (this.tail[at + k] !== word[k]) return false;
    return true;
  }

  add(r: number, word: Uint16Array, length: number, hash: number, term: number): void {
    const tailLength = Math.max(0, length - inlineUnits);
    while (this.tailUsed + tailLength > this.tail.length) {
      const bigger = new Uint16Array(this.tail.length * 2);
      bigger.set(this.tail);
      this.tail = bigger;
    }
    if (tailLength > 0) this.tail.set(word.subarray(inlineUnits, length), this.tailUsed);
    const records = this.records;
    records[r] = hash;
    records[r + 1] = length;
    records[r + 2] = this.tailUsed;
    records[r + 3] = term;
    for (let k = 0; k < inlineUnits; k += 2) records[r + 4 + (k >> 1)] = k < length ? unitPair(word, length, k) : 0;
    this.tailUsed += tailLength;
    if (++this.entries * 2 * recordSize > records.length) this.rehash();
  }

  private rehash(): void {
    const old = this.records;
    this.records = new Int32Array(old.length * 2);
    this.mask = this.records.length - 1;
    for (let o = 0; o < old.length; o += recordSize) {
      if (old[o + 1] === 0) continue;
      let r = (old[o]! * recordSize) & this.mask;
      while (this.records[r + 1] !== 0) r = (r + recordSize) & this.mask;
      this.records.set(old.subarray(o, o + recordSize), r);
    }
  }
}

let table = new WordTable();

/** How many distinct term ids exist: every id is below this. */
export function termIdLimit(): number {
  return table.termIdOf.size;
}

/** Starts over when the table holds too many words; term ids handed out before are invalid afterwards. */
export function forgetWordsIfFull(): void {
  if (table.entries >= maxRememberedWords) table = new WordTable();
}

function spelling(word: Uint16Array, length: number): string {
  let text = '';
  // In slices: passing a very long "word" (a pasted blob) as arguments of one call would overflow the stack.
  for (let at = 0; at < length; at += 4096) text += String.fromCharCode.apply(null, word.subarray(at, Math.min(length, at + 4096)) as unknown as number[]);
  return text;
}

/**
 * The term id of a word given as its first `length` lower-cased code units in `word` and their `hash`
 * (by `hashStep` from `hashSeed`), or `noTerm` for a stop word or a word too short to mean anything.
 */
export function termOfWord(word: Uint16Array, length: number, hash: number): number {
  const found = table.find(word, length, hash);
  return found >= noTerm ? found : learn(word, length, hash, found);
}

// The first sighting of a word, kept out of `termOfWord` so the hot path stays small enough to inline.
function learn(word: Uint16Array, length: number, hash: number, found: number): number {
  const term = contentTerms(spelling(word, length))[0];
  let id = noTerm;
  if (term !== undefined) {
    id = table.termIdOf.get(term) ?? table.termIdOf.size;
    if (id === table.termIdOf.size) table.termIdOf.set(term, id);
  }
  table.add(recordOfMiss(found), word, length, hash, id);
  return id;
}
