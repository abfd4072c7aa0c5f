import { BudgetMeter, type SummaryBudget } from './budget.js';
import type { Candidate, TermVectors } from './candidates.js';
import { float64Scratch, int32Scratch } from './scratch.js';
import { similarityOf, type SimilarityMatrix } from './similarity.js';

export interface SelectionWeights {
  /** Penalty per unit of cosine similarity to the closest chosen sentence. */
  readonly redundancy: number;
  /** Term containment at or above which a sentence repeats a chosen one. */
  readonly duplicateContainment: number;
}

export const defaultSelectionWeights: SelectionWeights = { redundancy: 0.5, duplicateContainment: 0.5 };

/**
 * Greedy maximal-marginal-relevance selection under the budget: take the best remaining sentence that
 * fits, discounted by its similarity to what is already chosen; never take a near-duplicate (most of its
 * terms already said, e.g. two outlets reporting the same order). Candidates that do not fit are skipped,
 * so a word or character budget is filled with shorter sentences rather than left empty. Of several reports,
 * at most one lead is taken: each opens by telling the event, and a second lead says it again, often with an
 * older figure ("killing at least three" beside "sixteen have died"). While it fits, that lead is the newest
 * report's (`newestDoc`), which has the latest figures, unless it scores under half the best lead: a feed's
 * teaser ("Follow our live coverage of the earthquake.") does not get to open the summary.
 */
export function selectSentences(
  candidates: readonly Candidate[],
  terms: TermVectors,
  scores: Float64Array,
  similarity: SimilarityMatrix,
  budget: SummaryBudget,
  weights: SelectionWeights,
  newestDoc?: number,
): Candidate[] {
  const n = candidates.length;
  const newestLead = preferredLead(candidates, scores, newestDoc);
  const meter = new BudgetMeter(budget);
  const chosen: number[] = [];
  // 1 for a candidate still in the running.
  const open = openScratch.take(n).fill(1, 0, n);
  const closest = closestScratch.take(n);
  // marks[t] === chosen.length: term t is in the sentence just chosen.
  const marks = markScratch.take(terms.vocabularySize);
  while (!meter.full) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < n; i++) {
      if (open[i] === 0) continue;
      const c = candidates[i]!;
      if (c.position === 0 && newestLead >= 0 && i !== newestLead && open[newestLead] === 1) continue;
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
    for (let k = picked.termStart; k < picked.termEnd; k++) marks[terms.ids[k]!] = chosen.length;
    for (let i = 0; i < n; i++) {
      if (open[i] === 0) continue;
      if (picked.position === 0 && candidates[i]!.position === 0) {
        open[i] = 0;
        continue;
      }
      const similar = similarityOf(similarity, best, i);
      // Similarity is 0 exactly when no term is shared, and then neither is any of them.
      if ((similar > 0 ? containment(candidates[i]!, picked, terms.ids, marks, chosen.length) : 0) >= weights.duplicateContainment) open[i] = 0;
      else closest[i] = Math.max(closest[i]!, similar);
    }
  }
  return chosen.map((i) => candidates[i]!);
}

function preferredLead(candidates: readonly Candidate[], scores: Float64Array, newestDoc: number | undefined): number {
  if (newestDoc === undefined) return -1;
  let best = 0;
  let newest = -1;
  candidates.forEach((c, i) => {
    if (c.position !== 0) return;
    best = Math.max(best, scores[i]!);
    if (c.doc === newestDoc) newest = i;
  });
  return newest >= 0 && scores[newest]! >= best / 2 ? newest : -1;
}

const [openScratch, markScratch, closestScratch] = [int32Scratch(), int32Scratch(), float64Scratch()];

/** Share of the smaller sentence's distinct terms that the other, `picked`, also has; its terms are the ones marked `mark`. */
function containment(candidate: Candidate, picked: Candidate, ids: Int32Array, marks: Int32Array, mark: number): number {
  let shared = 0;
  for (let k = candidate.termStart; k < candidate.termEnd; k++) if (marks[ids[k]!] === mark) shared++;
  const smaller = Math.min(candidate.termEnd - candidate.termStart, picked.termEnd - picked.termStart);
  return smaller === 0 ? 0 : shared / smaller;
}
