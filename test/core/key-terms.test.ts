import { describe, expect, it } from 'vitest';
import { entities, entityKey, keyTerms } from '../../src/core/key-terms.js';
import { seedTexts } from './quotes/seed-articles.js';

describe('entities', () => {
  it('finds capitalised names and drops sentence-initial common words', () => {
    const found = entities(seedTexts[0]!);
    expect(found).toEqual(expect.arrayContaining(['Korean Central News Agency', 'KCNA', 'Kim Jong Un', 'North Korea', 'Russia', 'Ukraine', 'U.S.', 'An Chan-il']));
    for (const common of ['The Korean Central News Agency', 'Analysts', 'During', 'Meanwhile', 'Since', 'It', 'This']) expect(found).not.toContain(common);
  });

  it('ends a name at a possessive and drops honorifics and calendar words', () => {
    expect(entities('We met Dr. Maria Lopez on Friday. Then Russia’s envoy spoke in New York in March.')).toEqual(['Maria Lopez', 'Russia', 'New York']);
  });

  it('keeps name particles and a sentence-initial name that also appears mid-sentence', () => {
    expect(entities('Pyongyang fired again. Experts say Pyongyang wants talks with Riad al-Malki of Palestine.')).toEqual(['Pyongyang', 'Riad al-Malki of Palestine']);
  });
});

describe('entityKey', () => {
  it('lets spelling of abbreviations and hyphens meet', () => {
    expect(entityKey('U.S.')).toBe(entityKey('US'));
    expect(entityKey('Kim Jong-un')).toBe(entityKey('Kim Jong Un'));
  });
});

describe('keyTerms', () => {
  it('gives readable names and phrases of the seed story, names first and no reporting words', () => {
    const terms = keyTerms(seedTexts, 8);
    expect(terms).toHaveLength(8);
    expect(terms).toEqual(expect.arrayContaining(['Kim Jong Un', 'North Korea', 'Russia']));
    expect(terms.some((t) => /missile/.test(t))).toBe(true);
    for (const generic of ['said', 'Kim', 'analysts', 'year']) expect(terms).not.toContain(generic);
  });

  it('never repeats a term inside a chosen one', () => {
    const terms = keyTerms(['Missile production rose. Missile production is key. The missile plant grew.'], 5);
    expect(terms[0]).toBe('missile production');
    expect(terms).not.toContain('missile');
    expect(terms).not.toContain('production');
  });

  it('returns nothing for empty input', () => {
    expect(keyTerms([], 5)).toEqual([]);
    expect(keyTerms([''], 5)).toEqual([]);
  });
});
