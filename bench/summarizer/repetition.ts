/**
 * Repetition in a summary, judged apart from the summarizer's own terms and thresholds: plain lower-cased
 * words minus function words, no stemming, and a pair is redundant when most of the shorter one is in the
 * other. Used by the multi-document tests and the summarizer bench alike.
 */
const stopWords = new Set(
  'a an the of in on at to for from by with and or but as is are was were be been has have had it its this that these those who which than then there their them they he she his her we our not no so if into over after before about up out said says according'.split(' '),
);
export const redundancyThreshold = 0.6;

function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*/gu) ?? []).filter((w) => !stopWords.has(w)));
}

/** Share of the shorter sentence's content words that the other has too. */
export function overlap(a: string, b: string): number {
  const [x, y] = [contentWords(a), contentWords(b)];
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / Math.max(1, Math.min(x.size, y.size));
}

/** The redundant pairs of a summary, spelled out so a failure shows which sentences repeat each other. */
export function redundantPairs(texts: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const score = overlap(texts[i]!, texts[j]!);
      if (score >= redundancyThreshold) pairs.push(`${score.toFixed(2)}: "${texts[i]}" ~ "${texts[j]}"`);
    }
  }
  return pairs;
}
