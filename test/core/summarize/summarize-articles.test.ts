import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleId } from '../../../src/core/article.js';
import { splitSentences } from '../../../src/core/sentences.js';
import { summarizeArticles, type SummaryDoc } from '../../../src/core/summarize/index.js';

function doc(id: string, body: string): SummaryDoc {
  return { articleId: id as ArticleId, body, sentences: splitSentences(body) };
}

const seedsDir = join(import.meta.dirname, '..', '..', '..', 'seeds');
const seeds = [doc('seed-kcna', readFileSync(join(seedsDir, '000_814867405d2e95ac.txt'), 'utf8')), doc('seed-afp', readFileSync(join(seedsDir, '001_584bd946d38e3076.txt'), 'utf8'))];

describe('summarizeArticles', () => {
  it('summarizes the two seed reports with both sources and never says the missile order twice', () => {
    const summary = summarizeArticles(seeds, { sentences: 3 });
    expect(summary).toHaveLength(3);
    expect(new Set(summary.map((s) => s.articleId))).toEqual(new Set(['seed-kcna', 'seed-afp']));
    const missileOrder = summary.filter((s) => /order(ed|ing) (officials|the factories)/.test(s.text) && /missile/.test(s.text));
    expect(missileOrder.length).toBeLessThanOrEqual(1);
  });

  it('gives each sentence its provenance: an exact slice of the named sentence of the named article', () => {
    for (const s of summarizeArticles(seeds, { sentences: 5 })) {
      const source = seeds.find((d) => d.articleId === s.articleId)!;
      const sentence = source.sentences[s.sentenceIndex]!;
      expect(sentence.text.endsWith(s.text)).toBe(true);
      expect(source.body.slice(sentence.end - s.text.length, sentence.end)).toBe(s.text);
    }
  });

  it('shows the lead without its wire furniture', () => {
    const [first] = summarizeArticles([doc('cnn', 'London (CNN)A man was charged on Wednesday with terror offenses after a raid in the city. Police searched two homes in the east of the capital overnight. The man will appear in court on Thursday morning, officials said.')], { sentences: 1 });
    expect(first?.text).toBe('A man was charged on Wednesday with terror offenses after a raid in the city.');
  });

  it('passes over a teaser lead, a question and a dangling pronoun for sentences that stand alone', () => {
    const body = [
      'Never mind cats having nine lives.',
      'A stray dog in Washington State survived being hit by a car and buried in a field, veterinarians said on Monday.',
      'Is this the luckiest dog alive?',
      'She was found four days later at a farm near the field where she had been buried by a neighbour.',
      'The dog, now named Theia, is recovering at the university veterinary hospital after surgery on her jaw.',
      'Staff at the hospital have raised money online to pay for her care and a new home for the dog.',
    ].join(' ');
    const texts = summarizeArticles([doc('dog', body)], { sentences: 3 }).map((s) => s.text);
    expect(texts).toContain('A stray dog in Washington State survived being hit by a car and buried in a field, veterinarians said on Monday.');
    expect(texts).not.toContain('Never mind cats having nine lives.');
    expect(texts).not.toContain('Is this the luckiest dog alive?');
  });

  it('keeps the chosen sentences in reading order', () => {
    const summary = summarizeArticles([seeds[1]!], { sentences: 4 });
    const indices = summary.map((s) => s.sentenceIndex);
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
  });

  it('fills a word or character budget with whole sentences and never exceeds it', () => {
    const byWords = summarizeArticles(seeds, { words: 60 });
    expect(byWords.length).toBeGreaterThan(0);
    expect(byWords.reduce((n, s) => n + s.text.split(/\s+/).length, 0)).toBeLessThanOrEqual(60);
    const byCharacters = summarizeArticles(seeds, { characters: 300 });
    expect(byCharacters.length).toBeGreaterThan(0);
    expect(byCharacters.map((s) => s.text).join(' ').length).toBeLessThanOrEqual(300);
  });

  it('returns nothing for no articles, empty text or a zero budget', () => {
    expect(summarizeArticles([], { sentences: 3 })).toEqual([]);
    expect(summarizeArticles([doc('empty', '   ')], { sentences: 3 })).toEqual([]);
    expect(summarizeArticles(seeds, { sentences: 0 })).toEqual([]);
    expect(summarizeArticles(seeds, { characters: 5 })).toEqual([]);
  });

  it('rejects a budget that is not a whole number, naming the budget', () => {
    expect(() => summarizeArticles(seeds, { sentences: 2.5 })).toThrow(/summary budget must be a whole number/);
    expect(() => summarizeArticles(seeds, { words: -1 })).toThrow(/summary budget/);
  });
});
