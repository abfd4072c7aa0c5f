/** A sentence is always an exact slice of its article's `body`: `body.slice(start, end) === text`. */
export interface Sentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly paragraph: number;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What a file or feed item tells us about an article beyond its text. Absent means unknown: never guessed. */
export interface ArticleMeta {
  /** ISO date (YYYY-MM-DD) or date-time. */
  readonly published?: string;
  /** Place of the dateline, e.g. "SEOUL". */
  readonly dateline?: string;
  /** Agency credit removed from the end of the body, e.g. "AFP". */
  readonly credit?: string;
  /** The outlet, when the file or feed names one (front matter, JSON, feed title). */
  readonly source?: string;
  readonly url?: string;
  readonly author?: string;
}

export interface ParsedArticle {
  readonly title: string;
  /** True when the title came from the article itself, false when it is an extractive headline. */
  readonly titleIsOwn: boolean;
  /** The article text with markers (date, dateline, credit, front matter, markup) removed. */
  readonly body: string;
  readonly paragraphs: readonly Span[];
  readonly sentences: readonly Sentence[];
  readonly meta: ArticleMeta;
}

/** Short, typeable, content-derived id (6–8 lowercase base32 characters). */
export type ArticleId = string & { readonly __brand: 'ArticleId' };
export type StoryId = string & { readonly __brand: 'StoryId' };
