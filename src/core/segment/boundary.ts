import { abbreviationKind, isSentenceStarter } from './abbreviations.js';
import { isSpace, skipSpace } from './whitespace.js';

/**
 * Where sentences end inside one paragraph. The scan jumps between terminal marks with a single-character
 * class regex (no backtracking) and decides each candidate from its neighbourhood only, so the cost is
 * linear in the text and independent of how the text is shaped. Neighbours are read as char codes, not
 * one-character strings: the same code then serves one-byte and two-byte texts alike, where string
 * comparisons made the optimised code start over whenever the kind of text changed.
 */
const terminalPattern = /[.!?…。！？‼⁇⁈⁉]/g;
const lowercaseLetter = /^\p{Ll}/u;
const uppercaseLetter = /^\p{Lu}/u;
const letter = /\p{L}/u;
const acronym = /^[A-Z]{2,6}$/;

const [fullStop, ellipsis, openParenthesis, closeParenthesis, openBracket] = [0x2e, 0x2026, 0x28, 0x29, 0x5b];
const [comma, semicolon, colon, zero, nine] = [0x2c, 0x3b, 0x3a, 0x30, 0x39];
const [lineFeed, carriageReturn] = [0x0a, 0x0d];
const unknown = -2;

// Marks as bit flags per UTF-16 code unit: a test is one table load, the same code for every mark, where a
// chain of comparisons sent the optimised splitter back to the interpreter the first time a rare mark came
// along. `& 0xffff` keeps -1 (past the end, see `codeAt`) inside the table.
const [terminal, closer, quoteOpener, fullWidthStop] = [1, 2, 4, 8];
const markFlags = new Uint8Array(0x10000);
for (const [marks, flag] of [['.!?…。！？‼⁇⁈⁉', terminal], ['"\'”’»›)]}', closer], ['"\'“‘«‹', quoteOpener], ['。！？', fullWidthStop]] as const) {
  for (let k = 0; k < marks.length; k++) markFlags[marks.charCodeAt(k)]! |= flag;
}
const isTerminal = (code: number): boolean => (markFlags[code & 0xffff]! & terminal) !== 0;
const isCloser = (code: number): boolean => (markFlags[code & 0xffff]! & closer) !== 0;
const isQuoteOpener = (code: number): boolean => (markFlags[code & 0xffff]! & quoteOpener) !== 0;
const isFullWidthStop = (code: number): boolean => (markFlags[code & 0xffff]! & fullWidthStop) !== 0;
function isLetterOrDot(code: number): boolean {
  if (code < 0x80) return code === fullStop || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return letter.test(String.fromCharCode(code));
}
function isDigit(code: number): boolean {
  return code >= zero && code <= nine;
}
function isLowercase(code: number): boolean {
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  return lowercaseLetter.test(String.fromCharCode(code));
}
function isUppercase(code: number): boolean {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return uppercaseLetter.test(String.fromCharCode(code));
}
/** The code unit at `i`, or -1 (no character class has it) outside the text: reading past the end deoptimises. */
function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/** The word (letters and inner dots, or digits) that ends right before the full stop at `stop`. */
function wordBefore(text: string, from: number, stop: number): string {
  let i = stop;
  if (isDigit(codeAt(text, i - 1))) {
    while (i > from && isDigit(text.charCodeAt(i - 1))) i--;
  } else {
    while (i > from && isLetterOrDot(text.charCodeAt(i - 1))) i--;
  }
  return text.slice(i, stop);
}

function wordAt(text: string, from: number, to: number): string {
  let i = from;
  while (i < to && text.charCodeAt(i) !== fullStop && isLetterOrDot(text.charCodeAt(i))) i++;
  return text.slice(from, i);
}

/** True when only whitespace or a bullet lies between the line start and `at` ("1. First point"). */
function startsLine(text: string, from: number, at: number): boolean {
  for (let i = at - 1; i >= from; i--) {
    const code = text.charCodeAt(i);
    if (code === lineFeed || code === carriageReturn) return true;
    if (!isSpace(code)) return false;
  }
  return true;
}

/** Decides a single full stop after `word`; `nextAt` is where the following text starts. */
function fullStopEnds(text: string, from: number, stop: number, nextAt: number, to: number): boolean {
  const word = wordBefore(text, from, stop);
  if (word === '') return true;
  if (isDigit(word.charCodeAt(0))) return !startsLine(text, from, stop - word.length);
  const kind = abbreviationKind(word);
  if (kind === 'title') return false;
  const next = text.charCodeAt(nextAt);
  if (kind === 'before-number' && isDigit(next)) return false;
  const initial = word.length === 1 && isUppercase(word.charCodeAt(0));
  const dotted = word.includes('.');
  if (kind === undefined && !initial && !dotted) return true;
  // Ambiguous: "in the U.S. The talks" ends, "U.S. President", "J. K. Rowling" and "Apple Inc. said" do not.
  if (isQuoteOpener(next)) return true;
  const nextWord = wordAt(text, nextAt, to);
  // An acronym after a place starts a sentence ("... by the U.S. KCNA also reported"); "U.S. RC-135U" does not.
  if (kind === 'place' && acronym.test(nextWord) && isSpace(codeAt(text, nextAt + nextWord.length))) return true;
  return isSentenceStarter(nextWord.toLowerCase(), kind === 'place');
}

// A lone mark (". AFP", ". . .") is not a sentence of its own.
function hasWordCharacter(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== fullStop && (isDigit(code) || isLetterOrDot(code))) return true;
  }
  return false;
}

/**
 * Does an unclosed "(" before `at` close soon after it? Then the stop is inside the parenthesis. `open` is
 * where the first "(" of the sentence is, or -1.
 */
function insideParenthesis(text: string, open: number, at: number, to: number): boolean {
  if (open === -1 || open >= at) return false;
  let depth = 0;
  for (let i = open; i < at; i++) {
    const code = text.charCodeAt(i);
    if (code === openParenthesis) depth++;
    else if (code === closeParenthesis && depth > 0) depth--;
  }
  if (depth === 0) return false;
  const close = text.indexOf(')', at);
  return close !== -1 && close < to && close - at < 200;
}

/**
 * Ends (exclusive, before trimming) of the sentences in text[from, to). The last sentence always ends at
 * `to`, which is not included in the result. With `most`, the search stops once `most` ends beyond `past`
 * are found: the first ends are the same either way.
 */
export function sentenceEnds(text: string, from: number, to: number, most = Infinity, past = from): number[] {
  const ends: number[] = [];
  let sentenceStart = from;
  // The first "(" at or after sentenceStart, or -1 for none.
  let open = unknown;
  terminalPattern.lastIndex = from;
  // `test` rather than `exec`: the mark is one character, found at lastIndex - 1, and no match array is built.
  while (terminalPattern.test(text) && terminalPattern.lastIndex <= to) {
    const stop = terminalPattern.lastIndex - 1;
    let after = stop + 1;
    let run = 1;
    for (; after < to; after++) {
      const code = text.charCodeAt(after);
      if (isTerminal(code)) run++;
      else if (!isCloser(code)) break;
    }
    terminalPattern.lastIndex = after;
    if (after >= to) break;
    if (!isSpace(text.charCodeAt(after)) && !isFullWidthStop(text.charCodeAt(stop))) continue;
    const nextAt = skipSpace(text, after, to);
    if (nextAt >= to) break;
    if (!hasWordCharacter(text, sentenceStart, stop)) continue;
    if (!boundaryAt(text, sentenceStart, stop, run, nextAt, to)) continue;
    // Searched again only once the sentence has moved past it: from each stop, a text without one more "("
    // would be searched to its end.
    if (open === unknown || open >= 0 && open < sentenceStart) open = text.indexOf('(', sentenceStart);
    if (insideParenthesis(text, open, after, to)) continue;
    ends.push(after);
    if (after > past && --most === 0) break;
    sentenceStart = nextAt;
  }
  return ends;
}

function boundaryAt(text: string, sentenceStart: number, stop: number, run: number, nextAt: number, to: number): boolean {
  let firstAt = nextAt;
  for (; firstAt < to; firstAt++) {
    const code = text.charCodeAt(firstAt);
    if (!isQuoteOpener(code) && code !== openParenthesis && code !== openBracket) break;
  }
  // May be the character after the paragraph, as the rules were written.
  const first = codeAt(text, firstAt);
  if (isLowercase(first)) return false;
  const next = text.charCodeAt(nextAt);
  // Spaced ellipsis (". . .") or stray punctuation: the sentence goes on.
  if (isTerminal(next) || next === comma || next === semicolon || next === colon) return false;
  const mark = text.charCodeAt(stop);
  if (mark === ellipsis || (mark === fullStop && run > 1 && text.charCodeAt(stop + 1) === fullStop)) return isUppercase(first);
  if (mark === fullStop) return fullStopEnds(text, sentenceStart, stop, nextAt, to);
  return true;
}
