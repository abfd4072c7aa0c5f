/**
 * An open-addressing hash table from a short run of UTF-16 code units (a word) to an int32 value, over
 * flat typed arrays: a key is given as units in a buffer and a hash the caller computed while reading
 * them (any hash, as long as the same units always get the same one), so looking it up builds no string
 * and asks no Map.
 */

/** Every value a table holds is at least this; `find` answers a key it does not hold with less. */
export const lowestValue = -1;

// A miss encodes the free record where the key would go.
const missAt = (record: number): number => lowestValue - 1 - record;
const recordOfMiss = (miss: number): number => lowestValue - 1 - miss;

// A record is eight int32s in one array: [hash, length, where code units 8 and on sit in `tail`, value,
// then code units 0-7 two to an int32]. A probe of a word of up to eight code units (most words) touches
// one cache line; length 0 marks a free record.
const recordShift = 3;
const recordSize = 1 << recordShift;
const inlineUnits = 8;

/** Code units k and k + 1 of the word at `word[at, at + length)` as one int32 (0 past the end), as a record stores them. */
function unitPair(word: Uint16Array, at: number, length: number, k: number): number {
  return word[at + k]! | ((k + 1 < length ? word[at + k + 1]! : 0) << 16);
}

export class UnitTable {
  private records: Int32Array;
  private mask: number;
  /** Keys held. */
  entries = 0;
  private tail = new Uint16Array(1 << 14);
  private tailUsed = 0;
  // Where `touch` leaves what it loaded, so that the loads are not optimised away.
  touched = 0;

  /** Room for `capacity` keys (a power of two) before the first rehash. */
  constructor(capacity: number) {
    this.records = new Int32Array(2 * capacity * recordSize);
    this.mask = this.records.length - 1;
  }

  /** The value of the key `word[at, at + length)` with `hash`, or, for a key not held, a miss (below `lowestValue`) to `add` it at. */
  find(word: Uint16Array, at: number, length: number, hash: number): number {
    const records = this.records;
    for (let r = (hash << recordShift) & this.mask; ; r = (r + recordSize) & this.mask) {
      const recordLength = records[r + 1]!;
      if (recordLength === 0) return missAt(r);
      if (records[r] === hash && recordLength === length && this.sameUnits(r, word, at, length)) return records[r + 3]!;
    }
  }

  /**
   * Loads the record that the probe for each hash `hashes[from]`, `hashes[from + step]`, ... below `to`
   * reads first, and decides nothing. These loads do not depend on each other, so their cache misses
   * overlap, where each `find` waits for the one before it; the probes then mostly find their records in
   * the cache.
   */
  touch(hashes: Int32Array, from: number, to: number, step: number): void {
    const [records, mask] = [this.records, this.mask];
    let sink = 0;
    for (let h = from; h < to; h += step) sink ^= records[((hashes[h]! << recordShift) & mask) + 1]!;
    this.touched = sink;
  }

  private sameUnits(r: number, word: Uint16Array, at: number, length: number): boolean {
    const inline = length < inlineUnits ? length : inlineUnits;
    for (let k = 0; k < inline; k += 2) if (this.records[r + 4 + (k >> 1)] !== unitPair(word, at, length, k)) return false;
    const tailAt = this.records[r + 2]! - inlineUnits;
    for (let k = inlineUnits; k < length; k++) if (this.tail[tailAt + k] !== word[at + k]) return false;
    return true;
  }

  /** Holds `value` (at least `lowestValue`) for the key that `find` answered `miss` for. */
  add(miss: number, word: Uint16Array, at: number, length: number, hash: number, value: number): void {
    const r = recordOfMiss(miss);
    const tailLength = Math.max(0, length - inlineUnits);
    while (this.tailUsed + tailLength > this.tail.length) {
      const bigger = new Uint16Array(this.tail.length * 2);
      bigger.set(this.tail);
      this.tail = bigger;
    }
    if (tailLength > 0) this.tail.set(word.subarray(at + inlineUnits, at + length), this.tailUsed);
    const records = this.records;
    records[r] = hash;
    records[r + 1] = length;
    records[r + 2] = this.tailUsed;
    records[r + 3] = value;
    for (let k = 0; k < inlineUnits; k += 2) records[r + 4 + (k >> 1)] = k < length ? unitPair(word, at, length, k) : 0;
    this.tailUsed += tailLength;
    if (++this.entries * 2 * recordSize > records.length) this.rehash();
  }

  private rehash(): void {
    const old = this.records;
    this.records = new Int32Array(old.length * 2);
    this.mask = this.records.length - 1;
    for (let o = 0; o < old.length; o += recordSize) {
      if (old[o + 1] === 0) continue;
      let r = (old[o]! << recordShift) & this.mask;
      while (this.records[r + 1] !== 0) r = (r + recordSize) & this.mask;
      this.records.set(old.subarray(o, o + recordSize), r);
    }
  }
}
