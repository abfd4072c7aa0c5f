import type { Sentence } from './article.js';
import { sentenceEnds } from './segment/boundary.js';
import { findLeadMarker } from './segment/lead-marker.js';
import { splitParagraphs } from './segment/paragraphs.js';
import { skipSpace, trimEndIndex } from './segment/whitespace.js';

export { splitParagraphs };
export { findLeadMarker, type LeadMarker } from './segment/lead-marker.js';

/**
 * News-aware sentence segmentation. Every sentence is `text.slice(start, end)`, trimmed, in order, never
 * overlapping, and together they hold every non-whitespace character of `text` exactly once. With `limit`,
 * only the first `limit` sentences (the same ones as without it), for callers that read no further.
 */
export function splitSentences(text: string, limit = Infinity): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (from: number, to: number, paragraph: number): void => {
    const start = skipSpace(text, from, to);
    const end = trimEndIndex(text, start, to);
    if (end > start) sentences.push({ index: sentences.length, start, end, text: text.slice(start, end), paragraph });
  };
  const paragraphs = splitParagraphs(text);
  for (let paragraph = 0; paragraph < paragraphs.length && sentences.length < limit; paragraph++) {
    const para = paragraphs[paragraph]!;
    // A dateline or source prefix ("ST. LOUIS, Missouri (CNN) --") belongs to the first sentence.
    const markerEnd = paragraph === 0 ? (findLeadMarker(text, para.start)?.end ?? para.start) : para.start;
    let from = para.start;
    for (const end of sentenceEnds(text, para.start, para.end, limit - sentences.length, markerEnd)) {
      if (end <= markerEnd) continue;
      push(from, end, paragraph);
      from = end;
    }
    // The paragraph's last sentence, unless the search stopped at the limit before reaching it.
    if (sentences.length < limit) push(from, para.end, paragraph);
  }
  return sentences;
}
