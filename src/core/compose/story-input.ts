import type { ArticleId, ArticleMeta, StoryId } from '../article.js';

/** What composition reads of a stored article (the Store's StoredArticle satisfies it). */
export interface CardArticle {
  readonly id: ArticleId;
  readonly title: string;
  readonly body: string;
  readonly meta: ArticleMeta;
  /** ISO date-time the article was first stored. */
  readonly ingestedAt: string;
  /** ISO date-time its current version was stored. */
  readonly updatedAt: string;
}

/** A story and its articles (its sources), oldest first. */
export interface StoryInput {
  readonly storyId: StoryId;
  readonly articles: readonly CardArticle[];
}

/** What a channel was already sent: for each story, the articles it was sent with. */
export type SentSources = ReadonlyMap<StoryId, ReadonlySet<ArticleId>>;

/** The article's own publication time (ms), when it gives one that parses. */
export function publishedTime(article: CardArticle): number | undefined {
  const published = article.meta.published ? Date.parse(article.meta.published) : Number.NaN;
  return Number.isNaN(published) ? undefined : published;
}

/** When the article's news happened, as far as we know: its published date, else when we stored it. */
export function newsTime(article: CardArticle): number {
  return publishedTime(article) ?? Date.parse(article.updatedAt);
}
