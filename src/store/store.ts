import type { ArticleId, StoryId } from '../core/article.js';
import type { ArticleSink } from '../sources/ingest-sink.js';
import type { DeliveryStore } from './deliveries.js';
import type { SourceStore } from './sources.js';
import type { SubscriptionStore } from './subscriptions.js';
import type {
  ArticleInput,
  ArticlePage,
  ArticlePageOptions,
  IdChoice,
  ListStoriesOptions,
  SearchHit,
  SearchOptions,
  StoredArticle,
  StoryAssignment,
  StorySummary,
  WriteResult,
} from './types.js';

/**
 * Everything is async so that a networked backend (PostgreSQL) implements the same interface without
 * touching callers. Ids are matched case-insensitively (users type them).
 */
export interface ArticleStore extends ArticleSink {
  /**
   * Stores a batch in ONE transaction: when the promise resolves every item is durable; when it rejects,
   * nothing of the batch was written. Same content as a stored article (any origin) → 'unchanged' with that
   * article's id; a known origin with edited content → 'updated' (same id, version + 1); else 'created'.
   */
  writeArticles(batch: readonly ArticleInput[]): Promise<WriteResult[]>;
  getArticle(id: string): Promise<StoredArticle | undefined>;
  /** The stored ones among `ids`, in the order asked; unknown ids are left out. */
  findArticles(ids: readonly string[]): Promise<StoredArticle[]>;
  /** Stored ids most like `id` (typos, wrong case, a prefix), best first: for "no article X; closest: …". */
  closestIds(id: string, limit: number): Promise<ArticleId[]>;
  /** Autocomplete: ids starting with the text, then articles whose title has the words (prefix of the last). limit <= 25. */
  completeIds(prefixOrWords: string, limit: number): Promise<IdChoice[]>;
  /** Ranked full-text search over title (weighted) and body. Any user text is safe: it is never parsed as query syntax. */
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  /** Articles whose current version was stored at or after `isoTime`, oldest first. */
  articlesSince(isoTime: string, limit?: number): Promise<StoredArticle[]>;
  /**
   * articlesSince a page at a time, so that a caller going through many articles never holds them all. Pass a
   * page's `next` as `after` to get the page following it; a page that came back full has a `next` even when
   * nothing follows, one that did not has none. Articles stored meanwhile after the cursor are still reached.
   */
  articlesSincePage(isoTime: string, options: ArticlePageOptions): Promise<ArticlePage>;
  countArticles(): Promise<number>;
}

export interface StoryStore {
  /** Assigns (or re-assigns) articles to stories in one transaction. Unknown article ids are an error. */
  setStories(pairs: readonly StoryAssignment[]): Promise<void>;
  /** The story's articles, oldest first. */
  storyArticles(storyId: StoryId): Promise<StoredArticle[]>;
  /** Stories, most recently updated first. */
  listStories(options?: ListStoriesOptions): Promise<StorySummary[]>;
}

/** The composed store every caller receives. Other areas join with one more `extends` entry. */
export interface Store extends ArticleStore, StoryStore, SubscriptionStore, DeliveryStore, SourceStore {
  /** Releases the backend; the store must not be used afterwards. */
  close(): Promise<void>;
}
