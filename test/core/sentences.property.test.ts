import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences } from '../../src/core/sentences.js';

const nonSpace = (text: string): string => text.replace(/\s/g, '');

function checkInvariants(text: string): void {
  const sentences = splitSentences(text);
  const paragraphs = splitParagraphs(text);
  sentences.forEach((s, i) => {
    expect(s.index).toBe(i);
    expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(s.text).toBe(s.text.trim());
    expect(s.text.length).toBeGreaterThan(0);
    const para = paragraphs[s.paragraph]!;
    expect(s.start >= para.start && s.end <= para.end).toBe(true);
    const next = sentences[i + 1];
    if (next) {
      expect(s.end).toBeLessThanOrEqual(next.start);
      expect(next.paragraph === s.paragraph || next.paragraph === s.paragraph + 1).toBe(true);
    }
  });
  // Ordered, non-overlapping and equal non-whitespace content: nothing lost, nothing duplicated.
  expect(sentences.map((s) => nonSpace(s.text)).join('')).toBe(nonSpace(text));
  paragraphs.forEach((p, i) => {
    expect(text.slice(p.start, p.end)).toBe(text.slice(p.start, p.end).trim());
    if (i > 0) expect(paragraphs[i - 1]!.end).toBeLessThan(p.start);
  });
}

const newsPiece = fc.constantFrom(
  'U.S.', 'U.N.', 'Dec.', 'Mr.', 'Mrs.', 'Dr.', 'Gov.', 'Sen.', 'Rep.', 'No.', 'St.', 'Jr.', 'Inc.', 'Corp.', 'vs.',
  'e.g.', 'i.e.', 'a.m.', 'p.m.', 'J.', 'K.', 'Rowling', '3.5', '10.30', 'Kim', 'said', 'the', 'The', 'missile', 'KCNA',
  '"', '“', '”', '’', "'", '(', ')', '(CNN)', 'SEOUL:', 'WASHINGTON (Reuters) -', '.', ',', '!', '?', '…', '...', '—',
  '–', '-', '•', '1.', '\n', '\n\n', '\r\n', ' ', '  ', '\t', '\u00a0', '\u2028', '.”', ',”', '."', 'he', 'He',
);
const newsText = fc.array(newsPiece, { maxLength: 80 }).map((pieces) => pieces.join(' ').replace(/ (?=[.,!?])/g, ''));

describe('splitSentences properties', () => {
  it('holds the slice invariants on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), checkInvariants), { numRuns: 400 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'A', '.', ' ', '\n', '"', ')', '(', '…', '?', '1'), maxLength: 200 }), checkInvariants), { numRuns: 400 });
  });

  it('holds the slice invariants on news-like text', () => {
    fc.assert(fc.property(newsText, checkInvariants), { numRuns: 500 });
  });

  it('gives the first n sentences, the same as without a limit, when asked for n', () => {
    const sameHead = (text: string, limit: number): void => {
      expect(splitSentences(text, limit)).toEqual(splitSentences(text).slice(0, limit));
    };
    fc.assert(fc.property(newsText, fc.integer({ min: 0, max: 12 }), sameHead), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'A', '.', ' ', '\n', '"', ')', '(', '…', '?', 'SEOUL:', '(CNN)'), maxLength: 200 }), fc.integer({ min: 0, max: 8 }), sameHead), { numRuns: 500 });
  });

  it('splits a paragraph the same way whatever paragraph comes before it', () => {
    // Segmentation is local: text after a blank line does not depend on the sentences before it.
    fc.assert(
      fc.property(newsText, (text) => {
        const afterPlain = splitSentences(`Kim said so.\n\n${text}`).slice(1).map((s) => s.text);
        const afterAbbreviation = splitSentences(`The talks ended in the U.S.\n\n${text}`).slice(1).map((s) => s.text);
        expect(afterAbbreviation).toEqual(afterPlain);
      }),
      { numRuns: 300 },
    );
  });
});
