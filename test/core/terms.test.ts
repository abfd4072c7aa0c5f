import { describe, expect, it } from 'vitest';
import { contentTerms, words } from '../../src/core/text/terms.js';

describe('contentTerms', () => {
  it('lower-cases, drops stop words and possessives, and stems', () => {
    expect(contentTerms("The Korean leader's factories are producing missiles")).toEqual(['korean', 'leader', 'factori', 'produc', 'missil']);
  });

  it('keeps numbers and non-Latin letters as words', () => {
    expect(words('ICBMs in 2026, Pyongyang’s 평양')).toEqual(['icbms', 'in', '2026', 'pyongyang’s', '평양']);
  });
});
