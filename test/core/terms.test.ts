import * as stopwordLists from 'stopword';
import { describe, expect, it } from 'vitest';
import { englishStopWords } from '../../src/core/text/stop-words.js';
import { contentTerms, words } from '../../src/core/text/terms.js';

describe('contentTerms', () => {
  it('lower-cases, drops stop words and possessives, and stems', () => {
    expect(contentTerms("The Korean leader's factories are producing missiles")).toEqual(['korean', 'leader', 'factori', 'produc', 'missil']);
  });

  it('keeps numbers and non-Latin letters as words', () => {
    expect(words('ICBMs in 2026, Pyongyang’s 평양')).toEqual(['icbms', 'in', '2026', 'pyongyang’s', '평양']);
  });
});

describe('englishStopWords', () => {
  it('is the stopword package\'s English list', () => {
    // @types/stopword (pulled in by ts-textrank) describes stopword v1; v3 exports one list per language.
    const packaged = (stopwordLists as unknown as { eng: readonly string[] }).eng;
    expect([...englishStopWords].sort()).toEqual([...packaged].sort());
  });
});
