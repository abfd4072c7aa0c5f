import { isSpace } from '../segment/whitespace.js';

/**
 * What the shared word pattern of `text/terms.ts` (letters and numbers, then apostrophe-joined letter runs,
 * over the lower-cased text) and `countWords` (whitespace-separated runs) see in one UTF-16 code unit,
 * packed with the code unit lower-cased as `class << 16 | lowered`, so a reader pays one table load per
 * character. A code unit whose lower-casing is not a single code unit that depends on nothing else (U+0130
 * İ becomes two, Σ depends on its neighbours, surrogate halves only mean something in pairs) is
 * `needsString`: the caller falls back to the string path for that text, so the fast path never has to be
 * right about those.
 */
export const space = 0;
export const separator = 1;
export const letter = 2;
export const digit = 3;
export const apostrophe = 4;
export const needsString = 5;

/** What `charInfos` holds for a code unit not classified yet. */
export const unclassified = -1;
/**
 * `class << 16 | lowered` per UTF-16 code unit, filled on first sight (`classifyUnits`) rather than all at
 * once, which would cost start-up tens of milliseconds; ASCII is classified from the start.
 */
export const charInfos = new Int32Array(0x10000).fill(unclassified);

const isLetter = /^\p{L}$/u;
const isNumber = /^\p{N}$/u;
const capitalSigma = 0x3a3;

function classOf(code: number, char: string, lower: string): number {
  if ((code >= 0xd800 && code <= 0xdfff) || lower.length !== 1 || code === capitalSigma) return needsString;
  if (code === 0x27 || code === 0x2019) return apostrophe;
  // The pattern runs on lower-cased text, so the lower-cased unit decides; the original must agree so
  // that a change of class under lower-casing (none known) takes the string path too.
  const wordLike = isLetter.test(char) || isNumber.test(char);
  if (isLetter.test(lower)) return wordLike ? letter : needsString;
  if (isNumber.test(lower)) return wordLike ? digit : needsString;
  if (wordLike || lower !== char) return needsString;
  return isSpace(code) ? space : separator;
}

function classify(code: number): number {
  const char = String.fromCharCode(code);
  const lower = char.toLowerCase();
  return (classOf(code, char, lower) << 16) | (lower.length === 1 ? lower.charCodeAt(0) : code);
}

/** Classifies every code unit of `text[from, to)` that `charInfos` does not hold yet. */
export function classifyUnits(text: string, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (charInfos[code] === unclassified) charInfos[code] = classify(code);
  }
}

for (let code = 0; code < 0x80; code++) charInfos[code] = classify(code);
