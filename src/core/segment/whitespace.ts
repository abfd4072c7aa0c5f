/**
 * Exactly the characters `String.prototype.trim` removes (ECMAScript WhiteSpace and LineTerminator), so a
 * slice trimmed with these helpers satisfies `slice === slice.trim()`. A lookup instead of a regex because
 * the segmenter asks this once per character boundary it inspects.
 */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** First index in [from, to) that is not whitespace, or `to`. */
export function skipSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** One past the last index in [from, to) that is not whitespace, or `from`. */
export function trimEndIndex(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}
