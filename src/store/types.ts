import type { ArticleId, ArticleMeta, StoryId } from '../core/article.js';

// The write-side types belong to the ingest port (sources may not import the store); the store implements it.
export type { ArticleInput, WriteResult, WriteStatus } from '../sources/ingest-sink.js';

export interface StoredArticle {
  readonly id: ArticleId;
  /** 1 for the first content; +1 each time its origin delivers edited content. */
  readonly version: number;
  /** The origin that first delivered this article (later copies of the same content are deduplicated into it). */
  readonly originKey: string;
  /** contentHash(body) of the current version. */
  readonly contentHash: string;
  readonly title: string;
  readonly titleIsOwn: boolean;
  readonly body: string;
  readonly meta: ArticleMeta;
  readonly storyId: StoryId | null;
  /** ISO date-time the article was first stored. */
  readonly ingestedAt: string;
  /** ISO date-time the current version was stored (equals ingestedAt for version 1). */
  readonly updatedAt: string;
}

export interface SearchHit {
  readonly id: ArticleId;
  readonly title: string;
  /** A short excerpt around the matched words, matches wrapped in «» (plain text, no markup). */
  readonly snippet: string;
  /** Higher is better; comparable only within one result list. */
  readonly score: number;
}

export interface SearchOptions {
  /** At most this many hits (default 10, at most 100). */
  readonly limit?: number;
}

export interface ArticlePageOptions {
  /** Articles per page, at least 1. */
  readonly limit: number;
  /** The previous page's `next`: where this page starts. Without it, the first page. */
  readonly after?: string;
  /** Only articles in a story (true), or only those in none (false); all when absent. */
  readonly withStory?: boolean;
}

export interface ArticlePage {
  readonly articles: StoredArticle[];
  /** An opaque cursor for the following page (see ArticleStore.articlesSincePage). */
  readonly next?: string;
}

/** An autocomplete choice: platforms allow at most 25 of them. */
export interface IdChoice {
  readonly id: ArticleId;
  readonly title: string;
}

export interface StoryAssignment {
  readonly articleId: ArticleId;
  readonly storyId: StoryId;
}

export interface StorySummary {
  readonly id: StoryId;
  /** Oldest first. */
  readonly articleIds: readonly ArticleId[];
  /** Latest updatedAt among its articles: when the story last gained or changed a source. */
  readonly updatedAt: string;
}

export interface ListStoriesOptions {
  /** Only stories updated at or after this ISO date-time. */
  readonly since?: string;
  /** Default 50. */
  readonly limit?: number;
}
