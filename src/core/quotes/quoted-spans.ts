/** A pair of quotation marks on one line of a text; offsets are into the whole text. */
export interface QuotedSpan {
  /** Index of the opening mark. */
  readonly open: number;
  /** Index of the closing mark. */
  readonly close: number;
  /** Start and end of the line (paragraph) holding both marks. */
  readonly lineStart: number;
  readonly lineEnd: number;
}

/**
 * Straight and curly double quotes, paired within a line. Straight marks pair in order; an unpaired last
 * mark (a quote continued in the next paragraph, or a stray inch sign) is left out rather than guessed.
 */
export function quotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let open = -1;
    let openMark = '';
    for (let i = lineStart; i < lineEnd; i++) {
      const ch = text[i];
      if (ch === '"' && open === -1) [open, openMark] = [i, '"'];
      else if (ch === '“' && open === -1) [open, openMark] = [i, '“'];
      else if ((ch === '"' && openMark === '"') || (ch === '”' && openMark === '“')) {
        spans.push({ open, close: i, lineStart, lineEnd });
        open = -1;
        openMark = '';
      }
    }
    lineStart = lineEnd + 1;
  }
  return spans;
}
