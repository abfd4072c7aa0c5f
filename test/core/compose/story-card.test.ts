import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleId, StoryId } from '../../../src/core/article.js';
import { buildStoryCard } from '../../../src/core/compose/story-card.js';
import type { CardArticle } from '../../../src/core/compose/story-input.js';
import { parseArticleText } from '../../../src/core/parse/parse-text.js';
import { seedArticles, seedStory } from './seed-stories.js';

/** The agency reports of one quake (test/fixtures/wire-reports), each published at the hour given, 2 Dec. */
function quakeReports(hours: Readonly<Record<string, number>>): CardArticle[] {
  const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'wire-reports');
  return readdirSync(dir).map((file) => {
    const agency = file.replace(/\.txt$/, '');
    const parsed = parseArticleText(readFileSync(join(dir, file), 'utf8'));
    const hour = hours[agency];
    const meta = hour === undefined ? parsed.meta : { ...parsed.meta, published: `2026-12-02T${String(hour).padStart(2, '0')}:00:00Z` };
    return { id: agency as ArticleId, title: parsed.title, body: parsed.body, meta, ingestedAt: '2026-12-02T23:00:00Z', updatedAt: '2026-12-02T23:00:00Z' };
  });
}

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

  it('opens the summary with the lead of the report published last, which has the latest toll', () => {
    const card = buildStoryCard({ storyId: 's-quake' as StoryId, articles: quakeReports({ efe: 4, afp: 9, xinhua: 15, reuters: 6 }) });
    expect(card.summary.filter((s) => s.sentenceIndex === 0).map((s) => s.articleId)).toEqual(['xinhua']);
    expect(card.summary.map((s) => s.text).join(' ')).toContain('has risen to 31');
  });

  it('refuses a story without articles, naming it', () => {
    expect(() => buildStoryCard({ ...seedStory(), articles: [] })).toThrow(/story story-seeds has no articles/);
  });
});
