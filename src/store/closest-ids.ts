import type { ArticleId } from '../core/article.js';

/**
 * Ranks stored ids by how likely the user meant them: a stored id that starts with what was typed is the
 * best guess, then the fewest edits (a swapped pair counts as one edit). Guesses needing more edits than
 * half the id are noise and left out.
 */
export function rankClosestIds(typed: string, candidates: Iterable<string>, limit: number): ArticleId[] {
  const target = typed.trim().toLowerCase();
  if (target === '' || limit <= 0) return [];
  const maxEdits = Math.max(1, Math.floor(target.length / 2));
  const scored: { id: string; cost: number }[] = [];
  for (const id of candidates) {
    const cost = id.startsWith(target) ? 0 : editDistance(target, id, maxEdits);
    if (cost <= maxEdits) scored.push({ id, cost });
  }
  scored.sort((a, b) => a.cost - b.cost || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.id as ArticleId);
}

/** Optimal-string-alignment distance, giving up (returning max + 1) once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}
