import { abbreviationKind, isSentenceStarter } from './abbreviations.js';
import { isSpace, skipSpace } from './whitespace.js';

/**
 * Where sentences end inside one paragraph. The scan jumps between terminal marks with a single-character
 * class regex (no backtracking) and decides each candidate from its neighbourhood only, so the cost is
 * linear in the text and independent of how the text is shaped.
 */
const terminalPattern = /[.!?…。！？‼⁇⁈⁉]/g;
const lowercaseLetter = /^\p{Ll}/u;
const uppercaseLetter = /^\p{Lu}/u;
const letter = /\p{L}/u;
const acronym = /^[A-Z]{2,6}$/;

function isTerminal(ch: string): boolean {
  return ch === '.' || ch === '!' || ch === '?' || ch === '…' || ch === '。' || ch === '！' || ch === '？' || ch === '‼' || ch === '⁇' || ch === '⁈' || ch === '⁉';
}
function isCloser(ch: string): boolean {
  return ch === '"' || ch === "'" || ch === '”' || ch === '’' || ch === '»' || ch === '›' || ch === ')' || ch === ']' || ch === '}';
}
function isQuoteOpener(ch: string): boolean {
  return ch === '"' || ch === "'" || ch === '“' || ch === '‘' || ch === '«' || ch === '‹';
}
function isFullWidthStop(ch: string): boolean {
  return ch === '。' || ch === '！' || ch === '？';
}
function isLetterOrDot(ch: string): boolean {
  return ch === '.' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch > '\u007f' && letter.test(ch));
}
function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** The word (letters and inner dots, or digits) that ends right before the full stop at `stop`. */
function wordBefore(text: string, from: number, stop: number): string {
  let i = stop;
  if (isDigit(text[i - 1])) {
    while (i > from && isDigit(text[i - 1])) i--;
  } else {
    while (i > from && isLetterOrDot(text[i - 1]!)) i--;
  }
  return text.slice(i, stop);
}

function wordAt(text: string, from: number, to: number): string {
  let i = from;
  while (i < to && isLetterOrDot(text[i]!) && text[i] !== '.') i++;
  return text.slice(from, i);
}

/** True when only whitespace or a bullet lies between the line start and `at` ("1. First point"). */
function startsLine(text: string, from: number, at: number): boolean {
  for (let i = at - 1; i >= from; i--) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) return true;
    if (!isSpace(code)) return false;
  }
  return true;
}

/** Decides a single full stop after `word`; `next` is the first character of the following text. */
function fullStopEnds(text: string, from: number, stop: number, nextAt: number, to: number): boolean {
  const word = wordBefore(text, from, stop);
  if (word === '') return true;
  if (isDigit(word[0])) return !startsLine(text, from, stop - word.length);
  const lower = word.toLowerCase();
  const kind = abbreviationKind(lower);
  if (kind === 'title') return false;
  const next = text[nextAt]!;
  if (kind === 'before-number' && isDigit(next)) return false;
  const initial = word.length === 1 && uppercaseLetter.test(word);
  const dotted = word.includes('.');
  if (kind === undefined && !initial && !dotted) return true;
  // Ambiguous: "in the U.S. The talks" ends, "U.S. President", "J. K. Rowling" and "Apple Inc. said" do not.
  if (isQuoteOpener(next)) return true;
  const nextWord = wordAt(text, nextAt, to);
  // An acronym after a place starts a sentence ("... by the U.S. KCNA also reported"); "U.S. RC-135U" does not.
  if (kind === 'place' && acronym.test(nextWord) && isSpace(text.charCodeAt(nextAt + nextWord.length))) return true;
  return isSentenceStarter(nextWord.toLowerCase(), kind === 'place');
}

// A lone mark (". AFP", ". . .") is not a sentence of its own.
function hasWordCharacter(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if ((ch >= '0' && ch <= '9') || isLetterOrDot(ch)) {
      if (ch !== '.') return true;
    }
  }
  return false;
}

/** Does an unclosed "(" before `at` close soon after it? Then the stop is inside the parenthesis. */
function insideParenthesis(text: string, from: number, at: number, to: number): boolean {
  const open = text.indexOf('(', from);
  if (open === -1 || open >= at) return false;
  let depth = 0;
  for (let i = open; i < at; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
  }
  if (depth === 0) return false;
  const close = text.indexOf(')', at);
  return close !== -1 && close < to && close - at < 200;
}

/**
 * Ends (exclusive, before trimming) of the sentences in text[from, to). The last sentence always ends at
 * `to`, which is not included in the result.
 */
export function sentenceEnds(text: string, from: number, to: number): number[] {
  const ends: number[] = [];
  let sentenceStart = from;
  terminalPattern.lastIndex = from;
  for (let m = terminalPattern.exec(text); m !== null && m.index < to; m = terminalPattern.exec(text)) {
    const stop = m.index;
    let after = stop + 1;
    let run = 1;
    while (after < to && (isTerminal(text[after]!) || isCloser(text[after]!))) {
      if (isTerminal(text[after]!)) run++;
      after++;
    }
    terminalPattern.lastIndex = after;
    if (after >= to) break;
    if (!isSpace(text.charCodeAt(after)) && !isFullWidthStop(m[0])) continue;
    const nextAt = skipSpace(text, after, to);
    if (nextAt >= to) break;
    if (!hasWordCharacter(text, sentenceStart, stop)) continue;
    if (!boundaryAt(text, sentenceStart, stop, run, nextAt, to)) continue;
    if (insideParenthesis(text, sentenceStart, after, to)) continue;
    ends.push(after);
    sentenceStart = nextAt;
  }
  return ends;
}

function boundaryAt(text: string, sentenceStart: number, stop: number, run: number, nextAt: number, to: number): boolean {
  let firstAt = nextAt;
  while (firstAt < to && (isQuoteOpener(text[firstAt]!) || text[firstAt] === '(' || text[firstAt] === '[')) firstAt++;
  const first = text[firstAt] ?? '';
  if (lowercaseLetter.test(first)) return false;
  const next = text[nextAt]!;
  // Spaced ellipsis (". . .") or stray punctuation: the sentence goes on.
  if (isTerminal(next) || next === ',' || next === ';' || next === ':') return false;
  const mark = text[stop]!;
  if (mark === '…' || (mark === '.' && run > 1 && text[stop + 1] === '.')) return uppercaseLetter.test(first);
  if (mark === '.') return fullStopEnds(text, sentenceStart, stop, nextAt, to);
  return true;
}
