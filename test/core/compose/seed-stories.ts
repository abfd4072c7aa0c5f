import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleId, StoryId } from '../../../src/core/article.js';
import type { CardArticle, StoryInput } from '../../../src/core/compose/story-input.js';
import { articleIdFor } from '../../../src/core/ids.js';
import { parseArticleText } from '../../../src/core/parse/parse-text.js';

const seedsDir = join(import.meta.dirname, '..', '..', '..', 'seeds');

/** The two seed reports, parsed by the real parser, as stored articles would be. */
export function seedArticles(ingestedAt = '2025-12-26T07:00:00.000Z'): CardArticle[] {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const parsed = parseArticleText(readFileSync(join(seedsDir, file), 'utf8'));
      return { id: articleIdFor(parsed.body), title: parsed.title, body: parsed.body, meta: parsed.meta, ingestedAt, updatedAt: ingestedAt };
    });
}

export const seedStoryId = 'story-seeds' as StoryId;

export function seedStory(articles = seedArticles()): StoryInput {
  return { storyId: seedStoryId, articles };
}

/** A one-article story about something else, for ranking and filtering. */
export function otherStory(id: string, title: string, body: string, at: string): StoryInput {
  return {
    storyId: `story-${id}` as StoryId,
    articles: [{ id: id as ArticleId, title, body, meta: { published: at, source: 'Example Wire' }, ingestedAt: at, updatedAt: at }],
  };
}
