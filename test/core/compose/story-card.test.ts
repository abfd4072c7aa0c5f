import { describe, expect, it } from 'vitest';
import { buildStoryCard } from '../../../src/core/compose/story-card.js';
import { seedArticles, seedStory } from './seed-stories.js';

describe('buildStoryCard on the seed reports', () => {
  const articles = seedArticles();
  const card = buildStoryCard(seedStory(articles));

  it('shows one story with both sources named from what the articles say', () => {
    expect(card.sources.map((s) => s.name)).toEqual(expect.arrayContaining(['AFP', 'Seoul dateline, 26 Dec 2025']));
    expect(card.sources).toHaveLength(2);
  });

  it('summarises with sentences that are verbatim slices of the articles, with their provenance', () => {
    expect(card.summary.length).toBeGreaterThanOrEqual(2);
    for (const sentence of card.summary) {
      const article = articles.find((a) => a.id === sentence.articleId);
      expect(article?.body).toContain(sentence.text);
    }
  });

  it('takes the headline from the lead article and offers a real quote with its speaker', () => {
    expect(articles.map((a) => a.title)).toContain(card.headline);
    expect(card.quote?.text.split(/\s+/).length).toBeGreaterThanOrEqual(4);
    expect(card.quote?.speaker).toMatch(/\S/);
    expect(card.keyTerms).toContain('Kim Jong Un');
  });

  it('refuses a story without articles, naming it', () => {
    expect(() => buildStoryCard({ ...seedStory(), articles: [] })).toThrow(/story story-seeds has no articles/);
  });
});
