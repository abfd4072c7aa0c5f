import { reading, readWords } from './read-words.js';
import { forgetWordsIfFull, termIdLimit } from './word-terms.js';

/** What a vocabulary keeps of one sentence. */
export interface SentenceReading {
  /** Whitespace-separated words, as `countWords` counts them. */
  readonly words: number;
  /** The first run of letters and digits, lower-cased; '' when there is none. */
  readonly opener: string;
  /** The sentence's distinct term ids and their counts are `termIds`/`termCounts` in [termStart, termEnd). */
  readonly termStart: number;
  readonly termEnd: number;
}

// Serial numbers of vocabularies and of the sentences they take.
let generation = 0;
let sentences = 0;
// Four int32s per global term id, together so that a term costs one cache line: the generation it was
// last given a local id in, that local id, the sentence it was last counted in, and where that sentence's
// entry for it sits in `ids`. Sized for the vocabulary of some thousand articles: growing it while
// optimised code runs sends that code back to the interpreter.
let termState = new Int32Array(4 << 15);
// Every accepted sentence's terms end to end, for the newest vocabulary.
let ids = new Int32Array(1 << 12);
let counts = new Float64Array(1 << 12);

/**
 * Content terms of sentences as integer ids in a vocabulary local to one summarization call (dense, in
 * order of first appearance in accepted sentences, so per-call arrays can be indexed by them). The global
 * term ids of `readWords` map to local ones through `termState`, stamped with the call's generation, so no
 * per-call map is built.
 */
export class Vocabulary {
  private readonly generation: number;
  private count = 0;
  private used = 0;

  constructor() {
    forgetWordsIfFull();
    this.generation = generation = (generation + 1) | 0;
  }

  /** Distinct terms in the vocabulary: every local id is below this. */
  get size(): number {
    return this.count;
  }

  /**
   * The term ids of the sentences read so far, in reading order (see `SentenceReading`): a view, not a
   * copy, valid until a newer Vocabulary reads.
   */
  get termIds(): Int32Array {
    this.checkCurrent();
    return ids.subarray(0, this.used);
  }

  get termCounts(): Float64Array {
    this.checkCurrent();
    return counts.subarray(0, this.used);
  }

  // The stamps, the shared buffers and the word table's ids belong to the newest vocabulary only.
  private checkCurrent(): void {
    if (this.generation !== generation) throw new Error('Vocabulary: a newer Vocabulary has been created since this one; use one per call');
  }

  /**
   * The terms and word count of the sentence `source.slice(start, end)`, or undefined (and no ids taken)
   * when it has fewer than `minWords` words or no terms.
   */
  read(source: string, start: number, end: number, minWords: number): SentenceReading | undefined {
    this.checkCurrent();
    readWords(source, start, end);
    if (reading.words < minWords || reading.count === 0) return undefined;
    return this.accept(reading.terms, reading.count, reading.words, reading.opener);
  }

  /** Takes global ids `terms[0, n)` as one sentence: its distinct local ids, in order of first occurrence, with counts. */
  private accept(terms: Int32Array, n: number, words: number, opener: string): SentenceReading {
    if (this.used + n > ids.length) growTerms(this.used + n);
    const sentence = (sentences = (sentences + 1) | 0);
    const call = this.generation;
    const termStart = this.used;
    // Module bindings are re-read at every use; these locals are not.
    const [termIds, termCounts] = [ids, counts];
    let state = termState;
    let used = termStart;
    for (let i = 0; i < n; i++) {
      const at = terms[i]! << 2;
      if (at >= state.length) state = growTermState(at);
      if (state[at] !== call) {
        state[at] = call;
        state[at + 1] = this.count++;
      }
      if (state[at + 2] === sentence) termCounts[state[at + 3]!]!++;
      else {
        state[at + 2] = sentence;
        state[at + 3] = used;
        termIds[used] = state[at + 1]!;
        termCounts[used++] = 1;
      }
    }
    this.used = used;
    return { words, opener, termStart, termEnd: used };
  }
}

function growTerms(needed: number): void {
  const size = Math.max(needed, ids.length * 2);
  const [newIds, newCounts] = [new Int32Array(size), new Float64Array(size)];
  newIds.set(ids);
  newCounts.set(counts);
  [ids, counts] = [newIds, newCounts];
}

function growTermState(at: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(4 * termIdLimit(), at + 4, 2 * termState.length));
  bigger.set(termState);
  return (termState = bigger);
}
