import { lcsLength, lcsReferenceIndices } from './lcs.js';
import { rougeTokens } from './tokenize.js';

/** ROUGE as Google's rouge_score computes it (use_stemmer=True), as fractions in [0, 1]. */
export interface RougeScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export const rougeTypes = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] as const;
export type RougeType = (typeof rougeTypes)[number];
export type RougeScores = Readonly<Record<RougeType, RougeScore>>;

const zero: RougeScore = { precision: 0, recall: 0, f1: 0 };

function fromCounts(hits: number, predicted: number, referenced: number): RougeScore {
  const precision = hits / predicted;
  const recall = hits / referenced;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

function countNgrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    // A space cannot occur inside a token, so it separates the n-gram's parts unambiguously.
    const gram = n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function countTotal(counts: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const c of counts.values()) total += c;
  return total;
}

function scoreNgrams(reference: readonly string[], prediction: readonly string[], n: number): RougeScore {
  const referenceGrams = countNgrams(reference, n);
  const predictionGrams = countNgrams(prediction, n);
  let overlap = 0;
  for (const [gram, count] of referenceGrams) overlap += Math.min(count, predictionGrams.get(gram) ?? 0);
  // rouge_score divides by max(count, 1): an empty side scores 0, never NaN.
  return fromCounts(overlap, Math.max(countTotal(predictionGrams), 1), Math.max(countTotal(referenceGrams), 1));
}

function scoreLcs(reference: readonly string[], prediction: readonly string[]): RougeScore {
  if (reference.length === 0 || prediction.length === 0) return zero;
  return fromCounts(lcsLength(reference, prediction), prediction.length, reference.length);
}

function tokenCounts(sentences: readonly (readonly string[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sentence of sentences) for (const t of sentence) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Summary-level union LCS (ROUGE paper §3.2) with ROUGE-1.5.5's guard against counting a token twice. */
function scoreSummaryLevelLcs(reference: readonly (readonly string[])[], prediction: readonly (readonly string[])[]): RougeScore {
  const m = reference.reduce((sum, s) => sum + s.length, 0);
  const n = prediction.reduce((sum, s) => sum + s.length, 0);
  if (m === 0 || n === 0) return zero;
  const referenceLeft = tokenCounts(reference);
  const predictionLeft = tokenCounts(prediction);
  let hits = 0;
  for (const sentence of reference) {
    const union = new Set<number>();
    for (const candidate of prediction) for (const i of lcsReferenceIndices(sentence, candidate)) union.add(i);
    for (const i of [...union].sort((a, b) => a - b)) {
      const token = sentence[i]!;
      const r = referenceLeft.get(token) ?? 0;
      const p = predictionLeft.get(token) ?? 0;
      if (r > 0 && p > 0) {
        hits++;
        referenceLeft.set(token, r - 1);
        predictionLeft.set(token, p - 1);
      }
    }
  }
  return fromCounts(hits, n, m);
}

/** rouge_score's sentence split for ROUGE-Lsum: newlines, dropping only lines that are exactly empty. */
function summarySentences(text: string): string[][] {
  return text.split('\n').filter((line) => line.length > 0).map(rougeTokens);
}

export function scoreRouge(reference: string, prediction: string): RougeScores {
  const referenceTokens = rougeTokens(reference);
  const predictionTokens = rougeTokens(prediction);
  return {
    rouge1: scoreNgrams(referenceTokens, predictionTokens, 1),
    rouge2: scoreNgrams(referenceTokens, predictionTokens, 2),
    rougeL: scoreLcs(referenceTokens, predictionTokens),
    rougeLsum: scoreSummaryLevelLcs(summarySentences(reference), summarySentences(prediction)),
  };
}

/** The mean over items of each per-item precision, recall and F1 (how rouge_score results are reported). */
export function meanRouge(items: readonly RougeScores[]): RougeScores {
  const mean = (type: RougeType, field: keyof RougeScore): number =>
    items.length === 0 ? 0 : items.reduce((sum, item) => sum + item[type][field], 0) / items.length;
  const of = (type: RougeType): RougeScore => ({ precision: mean(type, 'precision'), recall: mean(type, 'recall'), f1: mean(type, 'f1') });
  return { rouge1: of('rouge1'), rouge2: of('rouge2'), rougeL: of('rougeL'), rougeLsum: of('rougeLsum') };
}
