import { findLeadMarker } from '../sentences.js';

/**
 * Furniture that sources glue to the first words of a story: "(CNN)", "London (CNN) -- ",
 * "WASHINGTON (AP) — " (found by the segmenter's `findLeadMarker`), plus what it does not cover: stray
 * punctuation left by a removed marker, "By . Name . " bylines of scraped pages, and a few marker words
 * before an upper-case dateline ("AFP date 2025-12-26 SEOUL: "). The summary shows the sentence without
 * it (still a verbatim slice: only the start moves), so readers, and ROUGE, see news.
 */
const strayPunctuation = /^[\s.·•|:;,–—-]+/;
const byline = /^By \. (?:[^.]{1,60} \. ){1,2}/;
const markedDateline = /^(?:\S+ ){1,3}[\p{Lu}]{3,}(?:[ ,.]+[\p{Lu}]{2,})*\s*(?::|[-–—_]{1,2})\s+(?=["“\p{Lu}])/u;

/** Number of characters at the start of `sentence` that are furniture, not news. */
export function leadJunkLength(sentence: string): number {
  let offset = strayPunctuation.exec(sentence)?.[0].length ?? 0;
  offset += byline.exec(sentence.slice(offset))?.[0].length ?? 0;
  const marker = findLeadMarker(sentence, offset);
  if (marker !== undefined) return marker.end;
  return offset + (markedDateline.exec(sentence.slice(offset))?.[0].length ?? 0);
}
