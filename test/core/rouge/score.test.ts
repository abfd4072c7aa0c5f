import { describe, expect, it } from 'vitest';
import { meanRouge, scoreRouge } from '../../../src/core/rouge/score.js';
import { rougeTokens } from '../../../src/core/rouge/tokenize.js';
import { lcsReferenceIndices } from '../../../src/core/rouge/lcs.js';

describe('rougeTokens', () => {
  it('lower-cases, splits on everything outside [a-z0-9] and stems tokens longer than three characters', () => {
    expect(rougeTokens("Kim's U.S.-backed ICBMs, 2026: running!")).toEqual(['kim', 's', 'u', 's', 'back', 'icbm', '2026', 'run']);
  });

  it('drops non-ASCII letters entirely, as rouge_score does', () => {
    expect(rougeTokens('café 평양 naïve')).toEqual(['caf', 'na', 've']);
  });
});

describe('scoreRouge (cases from rouge_score tests, checked by hand)', () => {
  it('ROUGE-1: "testing one two" vs "testing" gives P 1, R 1/3, F 1/2', () => {
    const { rouge1 } = scoreRouge('testing one two', 'testing');
    expect(rouge1.precision).toBeCloseTo(1, 10);
    expect(rouge1.recall).toBeCloseTo(1 / 3, 10);
    expect(rouge1.f1).toBeCloseTo(1 / 2, 10);
  });

  it('ROUGE-2 clips repeated bigrams to the reference count', () => {
    const { rouge2 } = scoreRouge('a b a b', 'a b a b a b');
    // reference bigrams: ab×2, ba×1; prediction: ab×3, ba×2 -> overlap 3 of 5 predicted, 3 of 3 referenced
    expect(rouge2.precision).toBeCloseTo(3 / 5, 10);
    expect(rouge2.recall).toBeCloseTo(1, 10);
  });

  it('ROUGE-L counts a non-consecutive common subsequence', () => {
    const { rougeL } = scoreRouge('testing one two', 'testing two');
    expect(rougeL.precision).toBeCloseTo(1, 10);
    expect(rougeL.recall).toBeCloseTo(2 / 3, 10);
    expect(rougeL.f1).toBeCloseTo(4 / 5, 10);
  });

  it('ROUGE-Lsum takes the union LCS over candidate lines (ROUGE paper §3.2 example)', () => {
    const { rougeLsum } = scoreRouge('w1 w2 w3 w4 w5', 'w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5');
    expect(rougeLsum.recall).toBeCloseTo(0.8, 10);
    expect(rougeLsum.precision).toBeCloseTo(0.4, 10);
    expect(rougeLsum.f1).toBeCloseTo(0.5333, 3);
  });

  it('ROUGE-Lsum never counts one token twice across reference lines', () => {
    // Both reference lines match the single candidate "a", but the candidate holds only one "a".
    const { rougeLsum } = scoreRouge('a\na', 'a');
    expect(rougeLsum.recall).toBeCloseTo(1 / 2, 10);
    expect(rougeLsum.precision).toBeCloseTo(1, 10);
  });

  it('scores empty or symbol-only summaries as zero without NaN', () => {
    for (const [reference, prediction] of [['testing one two', ''], ['', 'w1'], ['w1 w2 w3', '/'], ['w1\n\n', '\n']] as const) {
      const scores = scoreRouge(reference, prediction);
      for (const score of Object.values(scores)) expect(score).toEqual({ precision: 0, recall: 0, f1: 0 });
    }
  });

  it('reads out the same LCS as rouge_score when there are ties', () => {
    expect(lcsReferenceIndices(['1', '2', '3', '4', '5'], ['2', '5', '3', '4'])).toEqual([1, 2, 3]);
    expect(lcsReferenceIndices(['1', '2'], ['8', '9'])).toEqual([]);
  });

  it('averages per-item scores', () => {
    const mean = meanRouge([scoreRouge('a b', 'a b'), scoreRouge('a b', 'c d')]);
    expect(mean.rouge1.f1).toBeCloseTo(0.5, 10);
    expect(mean.rougeLsum.recall).toBeCloseTo(0.5, 10);
  });
});
