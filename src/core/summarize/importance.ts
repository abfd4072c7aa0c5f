import type { Candidate } from './candidates.js';
import { float64Scratch } from './scratch.js';
import type { SimilarityMatrix } from './similarity.js';

/**
 * News importance of each sentence, learned-free: the lead carries the story (position prior), a sentence
 * that later sentences elaborate is central (PacSum's directed, position-aware centrality: echoes from
 * later sentences count fully, from earlier ones partly, from other outlets fully), and a sentence that
 * cannot stand alone or runs long is worth less in a three-line summary.
 */
export interface ImportanceWeights {
  /** Position prior 1 / (1 + position)^positionDecay. */
  readonly positionDecay: number;
  /** Weight of normalised centrality next to the position prior. */
  readonly centrality: number;
  /** Weight of echoes from earlier sentences of the same article, relative to later ones. */
  readonly backwardEcho: number;
  /** Words beyond which a sentence is discounted by (idealWords / words). */
  readonly idealWords: number;
}

export const defaultImportanceWeights: ImportanceWeights = { positionDecay: 1, centrality: 0.5, backwardEcho: 0.5, idealWords: 30 };

const [centralityScratch, scoreScratch] = [float64Scratch(), float64Scratch()];

/** Each candidate's score, in the first `candidates.length` entries; reused by the next call. */
export function importance(candidates: readonly Candidate[], similarity: SimilarityMatrix, weights: ImportanceWeights): Float64Array {
  const n = candidates.length;
  const centrality = centralityScratch.take(n);
  let maxCentrality = 0;
  const values = similarity.values;
  // An article's candidates are consecutive and in reading order, so the earlier sentences of the same
  // article are exactly those from its first candidate up to this one.
  let docStart = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && candidates[i]!.doc !== candidates[i - 1]!.doc) docStart = i;
    // The upper triangle holds every pair once: column i above the diagonal, row i after it.
    let sum = 0;
    let j = 0;
    for (; j < docStart; j++) sum += values[j * n + i]!;
    for (; j < i; j++) sum += weights.backwardEcho * values[j * n + i]!;
    for (j = i + 1; j < n; j++) sum += values[i * n + j]!;
    centrality[i] = sum;
    if (sum > maxCentrality) maxCentrality = sum;
  }
  const scores = scoreScratch.take(n);
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!;
    const prior = 1 / Math.pow(1 + c.position, weights.positionDecay);
    const central = maxCentrality > 0 ? centrality[i]! / maxCentrality : 0;
    const length = c.words > weights.idealWords ? weights.idealWords / c.words : 1;
    scores[i] = c.standalone * length * (prior + weights.centrality * central);
  }
  return scores;
}
