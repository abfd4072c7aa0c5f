import { BudgetMeter, type SummaryBudget } from './budget.js';
import type { Candidate, TermVectors } from './candidates.js';
import { termContainment, type SimilarityMatrix } from './similarity.js';

/**
 * Greedy maximal-marginal-relevance selection under the budget: take the best remaining sentence that
 * fits, discounted by its similarity to what is already chosen; never take a near-duplicate (most of its
 * terms already said, e.g. two outlets reporting the same order). Candidates that do not fit are skipped,
 * so a word or character budget is filled with shorter sentences rather than left empty.
 */
export interface SelectionWeights {
  /** Penalty per unit of cosine similarity to the closest chosen sentence. */
  readonly redundancy: number;
  /** Term containment at or above which a sentence repeats a chosen one. */
  readonly duplicateContainment: number;
}

export const defaultSelectionWeights: SelectionWeights = { redundancy: 0.5, duplicateContainment: 0.5 };

export function selectSentences(
  candidates: readonly Candidate[],
  terms: TermVectors,
  scores: Float64Array,
  similarity: SimilarityMatrix,
  budget: SummaryBudget,
  weights: SelectionWeights,
): Candidate[] {
  const n = candidates.length;
  const meter = new BudgetMeter(budget);
  const chosen: number[] = [];
  const open = new Uint8Array(n).fill(1);
  const closest = new Float64Array(n);
  while (!meter.full) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < n; i++) {
      if (open[i] === 0) continue;
      const c = candidates[i]!;
      if (!meter.fits(c.text, c.words)) {
        open[i] = 0;
        continue;
      }
      const value = scores[i]! - weights.redundancy * closest[i]! * scores[i]!;
      if (value > bestValue) [best, bestValue] = [i, value];
    }
    if (best < 0) break;
    const picked = candidates[best]!;
    meter.add(picked.text, picked.words);
    chosen.push(best);
    open[best] = 0;
    for (let i = 0; i < n; i++) {
      if (open[i] === 0) continue;
      if (termContainment(candidates[i]!, picked, terms.ids) >= weights.duplicateContainment) open[i] = 0;
      else closest[i] = Math.max(closest[i]!, similarity.values[best * n + i]!);
    }
  }
  return chosen.map((i) => candidates[i]!);
}
