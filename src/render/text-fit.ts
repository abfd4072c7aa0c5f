import { splitSentences } from '../core/sentences.js';

/**
 * Fitting text into a limit, measured after escaping (`measure` is usually `(s) => escape(s).length`), since
 * the limit applies to what is sent. Shortening cuts at a word and says so with "…"; paging never loses text.
 */
export type Measure = (text: string) => number;

export const ellipsis = '…';
const plainLength: Measure = (text) => text.length;

/** Largest n in [0, hi] with ok(n), assuming ok is monotone (true then false). */
function largest(hi: number, ok: (n: number) => boolean): number {
  let lo = 0;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Never split a surrogate pair: a lone half is not valid text for any platform. */
function safeCut(text: string, n: number): number {
  const code = text.charCodeAt(n - 1);
  return n > 0 && code >= 0xd800 && code <= 0xdbff ? n - 1 : n;
}

/** The longest word-boundary prefix of `text` within `max` (or a hard cut when one word is longer). */
function prefixWithin(text: string, max: number, measure: Measure, suffix: string): string {
  const n = safeCut(text, largest(text.length, (k) => measure(text.slice(0, k) + suffix) <= max));
  const hard = text.slice(0, n);
  if (n >= text.length || /\s/.test(text.charAt(n))) return hard.trimEnd();
  const lastSpace = hard.search(/\s\S*$/);
  return (lastSpace > 0 ? hard.slice(0, lastSpace) : hard).trimEnd();
}

/** `text` itself when it fits, else cut at a word boundary and ended with "…". */
export function shorten(text: string, max: number, measure: Measure = plainLength): string {
  if (measure(text) <= max) return text;
  if (measure(ellipsis) > max) throw new Error(`Cannot shorten text to ${max} characters: not even "${ellipsis}" fits.`);
  const cut = prefixWithin(text, max, measure, ellipsis).replace(/[\s,;:.!?\-–—]+$/u, '');
  return cut + ellipsis;
}

/** The leading items whose joined text fits (at least one, shortened if it alone is too long). */
export function fitLeading(items: readonly string[], max: number, join: (items: readonly string[]) => string, measure: Measure = plainLength): string[] {
  const kept = items.slice(0, largest(items.length, (k) => measure(join(items.slice(0, k))) <= max));
  if (kept.length > 0 || items.length === 0) return kept;
  return [shorten(items[0] ?? '', max, (s) => measure(join([s])))];
}

/** Word-level pieces of one over-long sentence; together they hold every word. */
function splitWords(text: string, max: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (measure(rest) > max) {
    const piece = prefixWithin(rest, max, measure, '');
    if (piece === '') throw new Error(`Cannot page text into ${max} characters: one character does not fit.`);
    pieces.push(piece);
    rest = rest.slice(piece.length).trimStart();
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

/**
 * Pages of `text`, each within `max`, broken between sentences (keeping the original spacing and paragraph
 * breaks inside a page) and inside a sentence only at words when the sentence alone is too long.
 */
export function pageText(text: string, max: number, measure: Measure = plainLength): string[] {
  const pages: string[] = [];
  let start = -1;
  let end = -1;
  for (const sentence of splitSentences(text)) {
    if (start >= 0 && measure(text.slice(start, sentence.end)) <= max) {
      end = sentence.end;
      continue;
    }
    if (start >= 0) pages.push(text.slice(start, end));
    start = -1;
    if (measure(sentence.text) <= max) {
      [start, end] = [sentence.start, sentence.end];
    } else {
      pages.push(...splitWords(sentence.text, max, measure));
    }
  }
  if (start >= 0) pages.push(text.slice(start, end));
  return pages;
}

/** Lines (each already within `max`) joined with newlines into as few groups within `max` as they allow. */
export function groupLines(lines: readonly string[], max: number): string[] {
  const groups: string[] = [];
  let current = '';
  for (const line of lines) {
    if (current !== '' && current.length + 1 + line.length > max) {
      groups.push(current);
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') groups.push(current);
  return groups;
}
