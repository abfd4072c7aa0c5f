/**
 * Longest common subsequence helpers with rouge_score's exact tie-breaking: the backtrack prefers moving
 * left only when that cell is strictly larger, which decides which LCS the summary-level union sees.
 */
function lcsTable(reference: readonly string[], candidate: readonly string[]): Int32Array {
  const cols = candidate.length + 1;
  const table = new Int32Array((reference.length + 1) * cols);
  for (let i = 1; i <= reference.length; i++) {
    const r = reference[i - 1];
    for (let j = 1; j <= candidate.length; j++) {
      const at = i * cols + j;
      table[at] = r === candidate[j - 1] ? table[at - cols - 1]! + 1 : Math.max(table[at - cols]!, table[at - 1]!);
    }
  }
  return table;
}

export function lcsLength(reference: readonly string[], candidate: readonly string[]): number {
  if (reference.length === 0 || candidate.length === 0) return 0;
  // Two rolling rows: ROUGE-L over whole summaries needs only the length.
  let previous = new Int32Array(candidate.length + 1);
  let current = new Int32Array(candidate.length + 1);
  for (const r of reference) {
    for (let j = 1; j <= candidate.length; j++) {
      current[j] = r === candidate[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[candidate.length]!;
}

/** Indices into `reference` of one longest common subsequence, ascending. */
export function lcsReferenceIndices(reference: readonly string[], candidate: readonly string[]): number[] {
  const table = lcsTable(reference, candidate);
  const cols = candidate.length + 1;
  const indices: number[] = [];
  let i = reference.length;
  let j = candidate.length;
  while (i > 0 && j > 0) {
    if (reference[i - 1] === candidate[j - 1]) {
      indices.push(i - 1);
      i--;
      j--;
    } else if (table[i * cols + j - 1]! > table[(i - 1) * cols + j]!) {
      j--;
    } else {
      i--;
    }
  }
  return indices.reverse();
}
