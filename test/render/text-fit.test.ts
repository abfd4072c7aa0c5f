import { describe, expect, it } from 'vitest';
import { escapeSlack } from '../../src/render/escape.js';
import { fitLeading, groupLines, pageText, shorten } from '../../src/render/text-fit.js';

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '');

describe('shorten', () => {
  it('keeps text that fits', () => {
    expect(shorten('Kim Jong Un visited factories.', 30)).toBe('Kim Jong Un visited factories.');
  });

  it('cuts at a word boundary and ends with an ellipsis', () => {
    expect(shorten('Kim Jong Un visited multiple weapons factories', 24)).toBe('Kim Jong Un visited…');
  });

  it('measures after escaping, so entities never push text over the limit', () => {
    const cut = shorten('a & b & c & d & e', 12, (s) => escapeSlack(s).length);
    expect(cut).toBe('a & b…');
    expect(escapeSlack(cut).length).toBeLessThanOrEqual(12);
  });

  it('hard-cuts a single word longer than the limit, never splitting a surrogate pair', () => {
    expect(shorten('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(shorten('😀😀😀😀', 4)).toBe('😀…');
  });
});

describe('fitLeading', () => {
  const join = (items: readonly string[]): string => items.join(' ');

  it('drops trailing sentences first', () => {
    expect(fitLeading(['One two.', 'Three four.', 'Five six.'], 20, join)).toEqual(['One two.', 'Three four.']);
  });

  it('shortens the first sentence at a word when even it alone is too long', () => {
    expect(fitLeading(['One two three four five.', 'Six.'], 15, join)).toEqual(['One two three…']);
  });
});

describe('pageText', () => {
  const article = Array.from({ length: 400 }, (_, i) => `Sentence number ${i} says something about missiles & factories.${i % 5 === 4 ? '\n\n' : ' '}`).join('');

  it('pages a long text within the limit at sentence boundaries without losing a word', () => {
    const pages = pageText(article, 1000);
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(1000);
      expect(page).toMatch(/^Sentence number \d+ .*factories\.$/s);
    }
    expect(words(pages.join(' '))).toEqual(words(article));
  });

  it('keeps paragraph breaks inside a page', () => {
    expect(pageText('One.\n\nTwo.', 100)).toEqual(['One.\n\nTwo.']);
  });

  it('splits a single over-long sentence at words', () => {
    const sentence = `${'word '.repeat(100)}end.`;
    const pages = pageText(sentence, 64);
    expect(pages.every((p) => p.length <= 64)).toBe(true);
    expect(words(pages.join(' '))).toEqual(words(sentence));
  });
});

describe('groupLines', () => {
  it('joins lines into groups within the limit', () => {
    expect(groupLines(['aaaa', 'bbbb', 'cccc'], 9)).toEqual(['aaaa\nbbbb', 'cccc']);
  });
});
