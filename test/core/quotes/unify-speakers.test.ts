import { describe, expect, it } from 'vitest';
import { areNameVariants, bestQuote, extractQuotes, findQuotes, speakerAliases, unifySpeakers } from '../../../src/core/quotes/index.js';
import type { Quote } from '../../../src/core/digest.js';
import type { ArticleId } from '../../../src/core/article.js';
import { seedTexts, sourceOf } from './seed-articles.js';

const storyQuotes = (): Quote[] => seedTexts.flatMap((text) => extractQuotes(sourceOf(text)));

describe('areNameVariants', () => {
  it('accepts romanisation and hyphenation variants', () => {
    expect(areNameVariants('An Chan-il', 'Ahn Chan-il')).toBe(true);
    expect(areNameVariants('Kim Jong-un', 'Kim Jong Un')).toBe(true);
  });

  it('rejects different people with similar names', () => {
    expect(areNameVariants('John Smith', 'Joan Smith')).toBe(false);
    expect(areNameVariants('Kim Jong Un', 'Kim Jong Il')).toBe(false);
    expect(areNameVariants('Li Wei', 'Li Wen')).toBe(false);
  });
});

describe('unifySpeakers across the seed story', () => {
  it('spells the researcher as he is quoted (Ahn Chan-il) and maps "An Chan-il" to it', () => {
    const aliases = speakerAliases(storyQuotes(), seedTexts);
    expect(aliases.get('an chan-il')).toBe('Ahn Chan-il');
    expect(aliases.get('ahn chan-il')).toBe('Ahn Chan-il');
    expect(new Set(unifySpeakers(storyQuotes(), seedTexts).map((q) => q.speaker))).toEqual(new Set(['Kim Jong Un', 'Ahn Chan-il']));
  });

  it('picks the quoted spelling even when the other is the only one in an article', () => {
    const quote: Quote = { text: 'Exports will grow fast next year', speaker: 'An Chan-il', articleId: 'aaaaaaa' as ArticleId, partial: false, sentenceIndex: 0 };
    const texts = ['An Chan-il, a researcher, spoke.', 'Ahn Chan-il, a researcher, spoke. Ahn Chan-il said more.'];
    // Quoted once as "An Chan-il": the spelling that speaks wins over the more frequent one.
    expect(unifySpeakers([quote], texts)[0]!.speaker).toBe('An Chan-il');
  });

  it('lets a query for either spelling, a surname, an article id or words find the quotes', () => {
    const quotes = unifySpeakers(storyQuotes(), seedTexts);
    const aliases = speakerAliases(quotes, seedTexts);
    const ahn = quotes.filter((q) => q.speaker === 'Ahn Chan-il');
    expect(ahn).toHaveLength(2);
    expect(findQuotes(quotes, 'An Chan-il', aliases)).toEqual(ahn);
    expect(findQuotes(quotes, 'ahn chan-il', aliases)).toEqual(ahn);
    expect(findQuotes(quotes, 'Kim', aliases).map((q) => q.speaker)).toEqual(['Kim Jong Un', 'Kim Jong Un']);
    expect(findQuotes(quotes, quotes[0]!.articleId.toUpperCase(), aliases)).toHaveLength(4);
    expect(findQuotes(quotes, 'war deterrents', aliases).map((q) => q.text)).toEqual([expect.stringMatching(/^The missile and shell/)]);
    expect(findQuotes(quotes, 'nothing like this', aliases)).toEqual([]);
  });
});

describe('bestQuote', () => {
  it('prefers the full, long, named quote for the digest', () => {
    expect(bestQuote(storyQuotes())?.text).toMatch(/^With its ICBM programme/);
    expect(bestQuote([])).toBeUndefined();
  });
});
