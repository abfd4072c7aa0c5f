/** Pairwise clustering quality: a pair of items is positive when both are in one cluster. */
export interface PairMetrics {
  readonly truePairs: number;
  readonly predictedPairs: number;
  readonly correctPairs: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

function countPairs(keys: Iterable<string>): number {
  const sizes = new Map<string, number>();
  for (const key of keys) sizes.set(key, (sizes.get(key) ?? 0) + 1);
  let total = 0;
  for (const n of sizes.values()) total += pairs(n);
  return total;
}

/** Counts pairs through cluster sizes (no pair enumeration), so 10,000 items cost nothing. */
export function pairMetrics(items: ReadonlyArray<{ readonly truth: string; readonly predicted: string }>): PairMetrics {
  const truePairs = countPairs(items.map((i) => i.truth));
  const predictedPairs = countPairs(items.map((i) => i.predicted));
  const correctPairs = countPairs(items.map((i) => `${i.truth}\u0000${i.predicted}`));
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predictedPairs, correctPairs, precision, recall, f1 };
}
