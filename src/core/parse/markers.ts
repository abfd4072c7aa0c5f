import { findLeadMarker } from '../segment/lead-marker.js';

/**
 * Markers around plain-text news that are metadata, not story: a leading " date 2025-12-26 " line (seeds),
 * a dateline or source prefix ("SEOUL:", "(CNN)"), and a trailing agency credit line ("\n. AFP").
 */
const datePrefix = /^\s*date:?\s+(\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)\s+/i;
const agencies = new Set(['afp', 'ap', 'reuters', 'bloomberg', 'yonhap', 'xinhua', 'kyodo', 'tass', 'dpa', 'efe', 'ansa', 'pti', 'ani', 'upi', 'kcna']);
// A short last line: optional leading marks, then one to four words ("AFP", "— Reuters", "(AP)", "(dpa)").
const creditLine = /^\s*([.·•—–-]+\s*)?\(?([A-Za-z][A-Za-z&.]*(?:[ /][A-Z][A-Za-z&.]*){0,3})\)?\.?$/;
// Wire copy's end-of-story line (Yonhap's "(END)"): furniture, and no outlet's name.
const endLine = /\n[ \t]*\(END\)\s*$/;

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
  const end = endLine.exec(text);
  if (end && text.slice(0, end.index).trim() !== '') return takeCredit(text.slice(0, end.index + 1));
  const trimmed = text.trimEnd();
  const lineStart = trimmed.lastIndexOf('\n') + 1;
  const rest = trimmed.slice(0, lineStart);
  const match = lineStart > 0 && trimmed.length - lineStart <= 40 ? creditLine.exec(trimmed.slice(lineStart)) : null;
  if (!match || rest.trim() === '') return { rest: text };
  const credit = match[2]!;
  // A known agency in any case, or a capitalised name that is marked ("\n. AFP", "— Reuters") or all
  // capitals: never a story's own last words.
  const isCredit = agencies.has(credit.toLowerCase()) || (/^[A-Z]/.test(credit) && (match[1] !== undefined || /^[A-Z]{2,}$/.test(credit)));
  return isCredit ? { rest, credit } : { rest: text };
}
