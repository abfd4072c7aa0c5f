import { StoreError } from './errors.js';
import type { ArticlePage, ArticlePageOptions, StoredArticle } from './types.js';

/**
 * Where an articlesSincePage page ends: the last article's update time, as the backend writes it, and its
 * seq, which breaks ties between articles stored in the same millisecond (one batch shares its time).
 */
export interface ArticlePosition {
  readonly updatedAt: string;
  readonly seq: string;
}

function encodeCursor(position: ArticlePosition): string {
  return `${position.seq}@${position.updatedAt}`;
}

/** The position to start after: the cursor's, or just before the first article stored at `isoTime`. */
export function pageStart(isoTime: string, options: ArticlePageOptions): ArticlePosition {
  if (!Number.isInteger(options.limit) || options.limit < 1) {
    throw new StoreError('invalid-input', `cannot read a page of ${options.limit} articles: the limit must be a whole number of at least 1`);
  }
  if (options.after === undefined) return { updatedAt: isoTime, seq: '0' };
  const match = /^(\d+)@(.+)$/.exec(options.after);
  if (!match) throw new StoreError('invalid-input', `cannot read articles after "${options.after}": not a cursor this store gave`);
  return { seq: match[1]!, updatedAt: match[2]! };
}

/** A page of `rows` as asked for with `limit`: a full page carries the cursor of its last row. */
export function pageOf<Row>(rows: readonly Row[], limit: number, toArticle: (row: Row) => StoredArticle, positionOf: (row: Row) => ArticlePosition): ArticlePage {
  const last = rows.length === limit ? rows.at(-1) : undefined;
  return { articles: rows.map(toArticle), ...(last === undefined ? {} : { next: encodeCursor(positionOf(last)) }) };
}
