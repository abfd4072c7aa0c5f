import { findLeadMarker } from '../segment/lead-marker.js';

/**
 * Markers around plain-text news that are metadata, not story: a leading " date 2025-12-26 " line (seeds),
 * a dateline or source prefix ("SEOUL:", "(CNN)"), and a trailing agency credit line ("\n. AFP").
 */
const datePrefix = /^\s*date:?\s+(\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)\s+/i;
const agencies = new Set(['afp', 'ap', 'reuters', 'bloomberg', 'yonhap', 'xinhua', 'kyodo', 'tass', 'dpa', 'efe', 'ansa', 'pti', 'ani', 'upi', 'kcna']);
// A short last line: optional leading marks, then one to four capitalised words ("AFP", "— Reuters", "(AP)").
const creditLine = /^\s*([.·•—–-]+\s*)?\(?([A-Z][A-Za-z&.]*(?:[ /][A-Z][A-Za-z&.]*){0,3})\)?\.?$/;

export function takeDate(text: string): { readonly rest: string; readonly published?: string } {
  const match = datePrefix.exec(text);
  return match ? { rest: text.slice(match[0].length), published: match[1]! } : { rest: text };
}

export function takeLeadMarker(text: string): { readonly rest: string; readonly dateline?: string; readonly source?: string } {
  const start = text.length - text.trimStart().length;
  const marker = findLeadMarker(text, start);
  if (!marker) return { rest: text };
  return { rest: text.slice(marker.end), dateline: marker.dateline, source: marker.source };
}

export function takeCredit(text: string): { readonly rest: string; readonly credit?: string } {
  const trimmed = text.trimEnd();
  const lineStart = trimmed.lastIndexOf('\n') + 1;
  const rest = trimmed.slice(0, lineStart);
  const match = lineStart > 0 && trimmed.length - lineStart <= 40 ? creditLine.exec(trimmed.slice(lineStart)) : null;
  if (!match || rest.trim() === '') return { rest: text };
  const credit = match[2]!;
  // Marked ("\n. AFP", "— Reuters"), all capitals or a known agency: never a story's own last words.
  const isCredit = match[1] !== undefined || /^[A-Z]{2,}$/.test(credit) || agencies.has(credit.toLowerCase());
  return isCredit ? { rest, credit } : { rest: text };
}
