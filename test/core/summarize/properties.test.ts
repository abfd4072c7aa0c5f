import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleId } from '../../../src/core/article.js';
import { splitSentences } from '../../../src/core/sentences.js';
import { summarizeArticles, type SummaryBudget } from '../../../src/core/summarize/index.js';

const word = fc.oneof(
  fc.constantFrom('the', 'Kim', 'missile', 'said', 'He', 'U.S.', '(CNN)', 'factories', '"We', 'will."', 'Why?', 'By', '.', '--', 'SEOUL:', 'officials'),
  fc.string({ minLength: 1, maxLength: 8 }),
);
const sentence = fc.array(word, { minLength: 1, maxLength: 25 }).map((ws) => `${ws.join(' ')}.`);
const article = fc.array(sentence, { minLength: 0, maxLength: 12 }).map((ss) => ss.join(fc.sample(fc.constantFrom(' ', '\n', '\n\n'), 1)[0]));
const budget: fc.Arbitrary<SummaryBudget> = fc.oneof(
  fc.nat({ max: 6 }).map((sentences) => ({ sentences })),
  fc.nat({ max: 120 }).map((words) => ({ words })),
  fc.nat({ max: 600 }).map((characters) => ({ characters })),
);

describe('summarizeArticles properties', () => {
  it('returns verbatim slices of the named input sentences, each once, within the budget', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(article, fc.string({ maxLength: 300 })), { minLength: 1, maxLength: 3 }), budget, (bodies, b) => {
        const docs = bodies.map((body, i) => ({ articleId: `a${i}` as ArticleId, body, sentences: splitSentences(body) }));
        const summary = summarizeArticles(docs, b);
        const seen = new Set<string>();
        for (const s of summary) {
          const source = docs.find((d) => d.articleId === s.articleId)!;
          const sentence = source.sentences[s.sentenceIndex]!;
          expect(s.text.length).toBeGreaterThan(0);
          expect(source.body.slice(sentence.end - s.text.length, sentence.end)).toBe(s.text);
          const key = `${s.articleId}#${s.sentenceIndex}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
        if ('sentences' in b) expect(summary.length).toBeLessThanOrEqual(b.sentences);
        if ('words' in b) expect(summary.reduce((n, s) => n + (s.text.match(/\S+/g)?.length ?? 0), 0)).toBeLessThanOrEqual(b.words);
        if ('characters' in b) expect(summary.map((s) => s.text).join(' ').length).toBeLessThanOrEqual(b.characters);
      }),
      { numRuns: 300 },
    );
  });
});
