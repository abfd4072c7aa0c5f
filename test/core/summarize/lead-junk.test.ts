import { describe, expect, it } from 'vitest';
import { leadJunkLength } from '../../../src/core/summarize/lead-junk.js';

const shown = (sentence: string): string => sentence.slice(leadJunkLength(sentence));

describe('leadJunkLength', () => {
  it('removes agency credits, datelines, bylines and stray marker punctuation', () => {
    expect(shown('(CNN)The Palestinian Authority joined the court.')).toBe('The Palestinian Authority joined the court.');
    expect(shown('Marseille, France (CNN)The French prosecutor spoke.')).toBe('The French prosecutor spoke.');
    expect(shown('WASHINGTON (AP) — The Senate voted.')).toBe('The Senate voted.');
    expect(shown('By . Daily Mail Reporter . The dog was found.')).toBe('The dog was found.');
    expect(shown('. AFP date 2025-12-26 SEOUL: North Korean leader Kim Jong Un has ordered officials.')).toBe('North Korean leader Kim Jong Un has ordered officials.');
  });

  it('leaves ordinary sentences whole, colons and capitals included', () => {
    for (const s of ['The FBI said: "We know."', 'Kim said the NATO: plan failed.', 'NATO allies met on Friday.']) expect(shown(s)).toBe(s);
  });
});
