import { describe, expect, it } from 'vitest';
import { porterStem } from '../../../src/core/rouge/porter-stemmer.js';

describe('porterStem (NLTK_EXTENSIONS mode)', () => {
  it('reproduces the pairs from NLTK stem.doctest', () => {
    const plurals = ['caresses', 'flies', 'dies', 'mules', 'denied', 'died', 'agreed', 'owned', 'humbled', 'sized', 'meeting', 'stating', 'siezing', 'itemization', 'sensational', 'traditional', 'reference', 'colonizer', 'plotted'];
    expect(plurals.map(porterStem).join(' ')).toBe('caress fli die mule deni die agre own humbl size meet state siez item sensat tradit refer colon plot');
  });

  it('stems "generously" to "gener" as NLTK does (Snowball would keep "generous")', () => {
    expect(porterStem('generously')).toBe('gener');
  });

  it('applies the NLTK-only extensions the original algorithm lacks', () => {
    // Irregular forms, 'ies'/'ied' on four-letter words, y->i only after a consonant, 'logi' keeping its 'l'.
    expect(['dying', 'skies', 'news', 'ties', 'spied', 'happy', 'enjoy', 'geology'].map(porterStem)).toEqual(['die', 'sky', 'news', 'tie', 'spi', 'happi', 'enjoy', 'geolog']);
  });

  it('leaves words of one or two letters alone and undoubles a final "ll" only when m > 1', () => {
    expect(['is', 'a', 'controlling', 'roll', 'falling', 'hopping', 'filing'].map(porterStem)).toEqual(['is', 'a', 'control', 'roll', 'fall', 'hop', 'file']);
  });
});
