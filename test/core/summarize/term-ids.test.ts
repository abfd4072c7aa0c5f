import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentTerms } from '../../../src/core/text/terms.js';
import { countWords } from '../../../src/core/summarize/budget.js';
import { Vocabulary } from '../../../src/core/summarize/term-ids.js';

// The char-code reader must agree with the shared string functions on every text, including the code
// units it hands to the string path (İ, Σ, surrogate pairs) and apostrophes at word edges.
const piece = fc.oneof(
  fc.constantFrom("O'Neill's", 'Trump’s', "rock'n5", "don't", "'quoted'", 'İstanbul', 'ΣΟΦΙΑ', 'Straße', 'café', 'cafe\u0301', '𝐀bc', '²', 'Ⅻ', 'naïve', 'U.S.', '--', '“Yes?”', 'the', 'THE', 'Missile', 'missiles', '\u00a0', '\u2028', '\t', 'x'),
  fc.string({ maxLength: 10 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const text = fc.array(piece, { maxLength: 20 }).map((parts) => parts.join(fc.sample(fc.constantFrom(' ', '', '\n', ', '), 1)[0]));

/** Expected (id, count) pairs, ids given in order of first appearance over the sentences read so far. */
function expected(sentence: string, seen: Map<string, number>): [number, number][] {
  const counts = new Map<number, number>();
  for (const term of contentTerms(sentence)) {
    if (!seen.has(term)) seen.set(term, seen.size);
    const id = seen.get(term)!;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => a[0] - b[0]);
}

describe('Vocabulary.read', () => {
  it('finds exactly the terms, word count and opener of the shared string functions', () => {
    fc.assert(
      // Each sentence is read where it sits inside a longer text, as summarization reads article bodies.
      fc.property(fc.array(fc.tuple(text, piece, piece), { minLength: 1, maxLength: 6 }), (sentences) => {
        const vocabulary = new Vocabulary();
        const seen = new Map<string, number>();
        for (const [sentence, before, after] of sentences) {
          const reading = vocabulary.read(`${before}${sentence}${after}`, before.length, before.length + sentence.length, 0);
          const want = expected(sentence, seen);
          if (want.length === 0) {
            expect(reading).toBeUndefined();
            continue;
          }
          expect(reading).toBeDefined();
          const { termIds, termCounts } = vocabulary;
          const got = Array.from({ length: reading!.termEnd - reading!.termStart }, (_, k): [number, number] => [termIds[reading!.termStart + k]!, termCounts[reading!.termStart + k]!]).sort((a, b) => a[0] - b[0]);
          expect(got).toEqual(want);
          expect(reading!.words).toBe(countWords(sentence));
          expect(reading!.opener).toBe(/^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u.exec(sentence)?.[1]?.toLowerCase() ?? '');
        }
        expect(vocabulary.size).toBe(seen.size);
      }),
      { numRuns: 500 },
    );
  });

  it('takes no ids for a sentence it turns down', () => {
    const vocabulary = new Vocabulary();
    expect(vocabulary.read('Missiles fly.', 0, 13, 4)).toBeUndefined();
    expect(vocabulary.size).toBe(0);
    const sentence = 'Factories make more missiles now.';
    expect(vocabulary.read(sentence, 0, sentence.length, 4)).toMatchObject({ words: 5, opener: 'factories', termStart: 0 });
    expect(vocabulary.size).toBe(new Set(contentTerms(sentence)).size);
    expect(vocabulary.size).toBeGreaterThan(0);
  });

  it('refuses to read once a newer vocabulary exists, since ids are stamped per call', () => {
    const older = new Vocabulary();
    new Vocabulary();
    expect(() => older.read('Kim visited the factory.', 0, 24, 0)).toThrow(/newer Vocabulary/);
  });
});
