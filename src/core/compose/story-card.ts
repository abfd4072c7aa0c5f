import type { DigestStory, Quote } from '../digest.js';
import { keyTerms } from '../key-terms.js';
import { bestQuote, extractQuotes, unifySpeakers } from '../quotes/index.js';
import { splitSentences } from '../sentences.js';
import { describeSource } from '../source-name.js';
import { summarizeArticles } from '../summarize/index.js';
import { type CardArticle, newsTime, publishedTime, type StoryInput } from './story-input.js';

export interface CardOptions {
  /** Summary sentences across all sources (default 3). */
  readonly summarySentences?: number;
  /** Key terms shown with the story (default 5). */
  readonly keyTerms?: number;
}

/** The lead article tells the story first: earliest news time, then earliest stored. */
function leadFirst(articles: readonly CardArticle[]): CardArticle[] {
  return [...articles].sort((a, b) => newsTime(a) - newsTime(b) || a.ingestedAt.localeCompare(b.ingestedAt));
}

/**
 * One story as a digest shows it: the lead article's headline, a multi-document extractive summary (each
 * sentence verbatim with its provenance, nothing said twice), every source by name, the best quote with its
 * speaker (spelling variants unified across sources) and the story's key terms.
 */
export function buildStoryCard(story: StoryInput, options: CardOptions = {}): DigestStory {
  if (story.articles.length === 0) throw new Error(`story ${story.storyId} has no articles to build a card from`);
  const articles = leadFirst(story.articles);
  // Only a date the article gives: ingest time says nothing about which report has the latest figures.
  const docs = articles.map((a) => {
    const published = publishedTime(a);
    return { articleId: a.id, body: a.body, sentences: splitSentences(a.body), ...(published === undefined ? {} : { published }) };
  });
  const texts = articles.map((a) => a.body);
  const quotes: Quote[] = unifySpeakers(
    docs.flatMap((d) => extractQuotes({ id: d.articleId, body: d.body, sentences: d.sentences })),
    texts,
  );
  const quote = bestQuote(quotes);
  return {
    storyId: story.storyId,
    headline: articles[0]!.title,
    summary: summarizeArticles(docs, { sentences: options.summarySentences ?? 3 }),
    sources: articles.map((a) => ({
      name: describeSource(a.meta),
      articleId: a.id,
      ...(a.meta.url ? { url: a.meta.url } : {}),
      ...(a.meta.published ? { published: a.meta.published } : {}),
    })),
    ...(quote ? { quote } : {}),
    keyTerms: keyTerms([articles[0]!.title, ...texts], options.keyTerms ?? 5),
  };
}
