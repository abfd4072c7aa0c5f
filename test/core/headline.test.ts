import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractHeadline } from '../../src/core/headline.js';
import { splitSentences } from '../../src/core/sentences.js';
import { words } from '../../src/core/text/terms.js';

const headlineOf = (text: string): string => extractHeadline(text, splitSentences(text));

function expectOnlyArticleWords(headline: string, text: string): void {
  const vocabulary = new Set(words(text));
  for (const word of words(headline)) expect(vocabulary.has(word), `"${word}" is not in the article`).toBe(true);
}

describe('extractHeadline', () => {
  it('drops the dateline and a trailing attribution clause', () => {
    const text = 'SEOUL: North Korean leader Kim Jong Un has ordered officials to step up production of missiles and construct more factories, state media said on Friday (Dec 26).';
    expect(headlineOf(text)).toBe('North Korean leader Kim Jong Un has ordered officials to step up production of missiles');
  });

  it('drops a leading "X reported that" and parentheticals', () => {
    expect(headlineOf('The Korean Central News Agency (KCNA) reported that Kim Jong Un visited weapons factories.')).toBe('Kim Jong Un visited weapons factories');
  });

  it('drops inserted and trailing attributions like "analysts say" and "KCNA reported"', () => {
    expect(headlineOf('Pyongyang has increased missile testing, analysts say, to improve precision.')).toBe('Pyongyang has increased missile testing to improve precision');
    expect(headlineOf('The leader ordered new munitions plants to be built, KCNA reported.')).toBe('The leader ordered new munitions plants to be built');
  });

  it('stays within 100 characters, never cuts a word, and uses only article words', () => {
    const texts = [
      '(CNN)The Palestinian Authority officially became the 123rd member of the International Criminal Court on Wednesday, a step that gives the court jurisdiction.',
      'Supercalifragilisticexpialidocious administrators internationally coordinated extraordinarily comprehensive counterintelligence reorganisations yesterday.',
    ];
    for (const text of texts) {
      const headline = headlineOf(text);
      expect(headline.length).toBeLessThanOrEqual(100);
      expect(headline.length).toBeGreaterThan(20);
      expect(text).toContain(headline);
      expectOnlyArticleWords(headline, text);
      const next = text.slice(text.indexOf(headline) + headline.length)[0];
      expect(next === undefined || /[\s,.;]/.test(next)).toBe(true);
    }
  });

  it('uses only article words on both seeds and the CNN lead', () => {
    for (const name of ['000_814867405d2e95ac.txt', '001_584bd946d38e3076.txt']) {
      const text = readFileSync(join(import.meta.dirname, '..', '..', 'seeds', name), 'utf8');
      const headline = headlineOf(text);
      expect(headline.length).toBeLessThanOrEqual(100);
      expectOnlyArticleWords(headline, text);
    }
  });

  it('returns an empty headline for an empty article', () => {
    expect(extractHeadline('', [])).toBe('');
  });
});
