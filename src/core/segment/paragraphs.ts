import type { Span } from '../article.js';
import { sentenceEnds } from './boundary.js';
import { isSpace, skipSpace, trimEndIndex } from './whitespace.js';

/**
 * Paragraphs are separated by blank lines, or by a single line break when the line before is a paragraph
 * of its own: it ends a sentence, it is a bullet, the next line is a bullet, or it is a heading (a line
 * the next line's first word would have fitted on, which a hard-wrapped line is not).
 */
interface Line extends Span {
  readonly blankBefore: boolean;
}

// A line ends at \r\n, \r, \n, U+2028 or U+2029.
const lineBreaks = ['\n', '\r', '\u2028', '\u2029'] as const;
// Hard wraps narrower than this are rare; below it a short line is not taken for a heading by width alone.
const minWrapWidth = 50;
const bulletPattern = /^(?:[-*•‣◦▪●·–—]|\d{1,2}[.)])\s/;
const lowercaseStart = /^["'“‘(]*\p{Ll}/u;

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let blankBefore = false;
  let lineStart = 0;
  const push = (end: number): void => {
    const start = skipSpace(text, lineStart, end);
    if (start === end) {
      blankBefore = lines.length > 0;
      return;
    }
    lines.push({ start, end: trimEndIndex(text, start, end), blankBefore });
    blankBefore = false;
  };
  // Where each kind of break next occurs: indexOf finds one far faster than a regex with alternatives,
  // and most news texts have few line breaks or none.
  const next = [text.indexOf(lineBreaks[0]), text.indexOf(lineBreaks[1]), text.indexOf(lineBreaks[2]), text.indexOf(lineBreaks[3])];
  for (;;) {
    let at = -1;
    for (let k = 0; k < next.length; k++) if (next[k]! >= 0 && (at < 0 || next[k]! < at)) at = next[k]!;
    if (at < 0) break;
    push(at);
    lineStart = at + (text.charCodeAt(at) === 0x0d && text.charCodeAt(at + 1) === 0x0a ? 2 : 1);
    for (let k = 0; k < next.length; k++) if (next[k]! >= 0 && next[k]! < lineStart) next[k] = text.indexOf(lineBreaks[k]!, lineStart);
  }
  push(text.length);
  return lines;
}

function isBullet(text: string, line: Span): boolean {
  return bulletPattern.test(text.slice(line.start, Math.min(line.end, line.start + 4)) + ' ');
}

function firstWordLength(text: string, line: Span): number {
  let i = line.start;
  while (i < line.end && !isSpace(text.charCodeAt(i))) i++;
  return i - line.start;
}

function breaksBetween(text: string, a: Line, b: Line, width: number): boolean {
  if (b.blankBefore || isBullet(text, b)) return true;
  if (lowercaseStart.test(text.slice(b.start, b.start + 8))) return false;
  if (isBullet(text, a)) return true;
  const last = text[a.end - 1];
  if (last === ':' || last === ';') return true;
  // A line break is whitespace to the sentence splitter: ask it whether a sentence ends there.
  if (sentenceEnds(text, a.start, Math.min(b.end, b.start + 40)).includes(a.end)) return true;
  return a.end - a.start + 1 + firstWordLength(text, b) <= width;
}

export function splitParagraphs(text: string): Span[] {
  const lines = linesOf(text);
  const first = lines[0];
  if (first === undefined) return [];
  const width = lines.reduce((w, l) => Math.max(w, l.end - l.start), minWrapWidth);
  const spans: Span[] = [];
  let start = first.start;
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (breaksBetween(text, a, b, width)) {
      spans.push({ start, end: a.end });
      start = b.start;
    }
  }
  spans.push({ start, end: lines[lines.length - 1]!.end });
  return spans;
}
