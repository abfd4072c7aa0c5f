import type { Candidate, TermVectors } from './candidates.js';
import { float64Scratch, int32Scratch } from './scratch.js';

/**
 * Cosine similarity of tf-idf sentence vectors, all pairs at once through an inverted index (postings in
 * flat typed arrays), so the cost is the number of sentence pairs that share a term rather than n² vector
 * comparisons. Document frequency counts sentences: a term in every sentence of a story says nothing
 * about which sentence matters.
 */
export interface SimilarityMatrix {
  readonly size: number;
  /**
   * Row-major n×n, upper triangle only: the cosine similarity of sentences i < j is values[i * n + j] (see
   * `similarityOf`). Reused by the next call: valid until then.
   */
  readonly values: Float64Array;
}

const [frequencyScratch, startScratch, nextScratch, sentenceScratch] = [int32Scratch(), int32Scratch(), int32Scratch(), int32Scratch()];
const [idfScratch, postingScratch, weightScratch, valuesScratch] = [float64Scratch(), float64Scratch(), float64Scratch(), float64Scratch()];

export function similarityMatrix(candidates: readonly Candidate[], terms: TermVectors): SimilarityMatrix {
  const n = candidates.length;
  const { ids, counts, vocabularySize } = terms;
  const documentFrequency = frequencyScratch.take(vocabularySize);
  for (let k = 0; k < ids.length; k++) documentFrequency[ids[k]!]!++;
  // Logarithms cost more than the rest of a weight: tf and idf take few distinct values, so each is computed once.
  const idfOfFrequency = idfScratch.take(n + 1);
  for (let df = 1; df <= n; df++) idfOfFrequency[df] = Math.log(1 + n / df);

  // Postings of term t live in [start[t], start[t + 1]).
  const start = startScratch.take(vocabularySize + 1);
  for (let t = 0; t < vocabularySize; t++) start[t + 1] = start[t]! + documentFrequency[t]!;
  const next = nextScratch.take(vocabularySize);
  next.set(start.subarray(0, vocabularySize));
  const postingSentence = sentenceScratch.take(ids.length);
  const postingWeight = postingScratch.take(ids.length);
  const weight = weightScratch.take(ids.length);
  for (let s = 0; s < n; s++) {
    const { termStart, termEnd } = candidates[s]!;
    let norm = 0;
    for (let k = termStart; k < termEnd; k++) {
      const w = termWeight(counts[k]!) * idfOfFrequency[documentFrequency[ids[k]!]!]!;
      weight[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = termStart; k < termEnd; k++) {
      const at = next[ids[k]!]!++;
      postingSentence[at] = s;
      postingWeight[at] = weight[k]! / norm;
    }
  }

  const values = valuesScratch.take(n * n);
  // A term's postings are in sentence order, so each pair adds to the upper triangle.
  for (let t = 0; t < vocabularySize; t++) {
    const end = start[t + 1]!;
    for (let a = start[t]!; a < end; a++) {
      const row = postingSentence[a]! * n;
      const wa = postingWeight[a]!;
      for (let b = a + 1; b < end; b++) values[row + postingSentence[b]!]! += wa * postingWeight[b]!;
    }
  }
  return { size: n, values: values.subarray(0, n * n) };
}

/** Cosine similarity of sentences i and j (0 for i === j). */
export function similarityOf(similarity: SimilarityMatrix, i: number, j: number): number {
  const n = similarity.size;
  return i < j ? similarity.values[i * n + j]! : i > j ? similarity.values[j * n + i]! : 0;
}

const tfWeights = Float64Array.from({ length: 64 }, (_, count) => 1 + Math.log(count));

/** Sublinear term frequency, 1 + ln(count). */
function termWeight(count: number): number {
  return count < tfWeights.length ? tfWeights[count]! : 1 + Math.log(count);
}
