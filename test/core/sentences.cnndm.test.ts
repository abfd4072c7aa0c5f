import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/sentences.js';

// The development set lives beside the repo (../shared/eval) and is not copied into it.
const devSet = join(import.meta.dirname, '..', '..', '..', 'shared', 'eval', 'cnndm_dev.jsonl');
const present = existsSync(devSet);
if (!present) console.warn(`sentences.cnndm: ${devSet} is absent; the CNN/DailyMail check is skipped`);

describe.skipIf(!present)('splitSentences on CNN/DailyMail dev texts', () => {
  const texts = present
    ? readFileSync(devSet, 'utf8').trim().split('\n').slice(0, 200).map((line) => (JSON.parse(line) as { articles: string[] }).articles[0]!)
    : [];

  it('keeps every sentence an exact, trimmed, ordered slice and loses no character', () => {
    for (const text of texts) {
      const sentences = splitSentences(text);
      let last = 0;
      for (const s of sentences) {
        expect(text.slice(s.start, s.end)).toBe(s.text);
        expect(s.text).toBe(s.text.trim());
        expect(s.start).toBeGreaterThanOrEqual(last);
        last = s.end;
      }
      expect(sentences.map((s) => s.text.replace(/\s/g, '')).join('')).toBe(text.replace(/\s/g, ''));
    }
  });

  it('keeps "(CNN)" in the first sentence and finds news-length sentences', () => {
    const withPrefix = texts.filter((t) => t.startsWith('(CNN)'));
    expect(withPrefix.length).toBeGreaterThan(50);
    for (const text of withPrefix) expect(splitSentences(text)[0]!.text.startsWith('(CNN)')).toBe(true);
    const lengths = texts.flatMap((t) => splitSentences(t).map((s) => s.text.length));
    const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    // CNN sentences average roughly 100-140 characters; a segmenter that over- or under-splits leaves that band.
    expect(mean).toBeGreaterThan(90);
    expect(mean).toBeLessThan(160);
  });
});
