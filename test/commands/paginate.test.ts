import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/commands/paginate.js';

const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('paginate', () => {
  it('keeps every page within the size and loses no text, whatever the body', () => {
    const word = fc.string({ minLength: 1, maxLength: 30, unit: fc.constantFrom('a', 'b', 'c', '.', '!', 'X') });
    const paragraph = fc.array(word, { minLength: 1, maxLength: 40 }).map((w) => w.join(' '));
    const body = fc.array(paragraph, { minLength: 1, maxLength: 20 }).map((p) => p.join('\n\n'));
    fc.assert(
      fc.property(body, fc.integer({ min: 40, max: 400 }), (text, size) => {
        const pages = paginate(text, size);
        expect(pages.every((p) => p.length <= size)).toBe(true);
        expect(squeeze(pages.join(''))).toBe(squeeze(text));
      }),
    );
  });

  it('breaks between paragraphs when they fit, keeping the line breaks of the body', () => {
    const body = ['First paragraph here.', 'Second paragraph here.', 'Third one.'].join('\n\n');
    expect(paginate(body, 50)).toEqual(['First paragraph here.\n\nSecond paragraph here.', 'Third one.']);
  });

  it('cuts an over-long word run at a space', () => {
    expect(paginate('aaaa bbbb cccc dddd', 10)).toEqual(['aaaa bbbb', 'cccc dddd']);
  });
});
