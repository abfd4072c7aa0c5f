import type { ArticleId, ArticleMeta } from '../core/article.js';
import { StoreError } from './errors.js';
import type { ArticleInput } from './types.js';

/** Crockford's base32 as core/ids.ts writes ids. */
const base32 = '0123456789abcdefghjkmnpqrstvwxyz';

/** The stored facts a write decision depends on (shared by every backend so they decide alike). */
export interface KnownArticle {
  readonly id: ArticleId;
  readonly version: number;
  readonly originKey: string;
  readonly title: string;
  readonly titleIsOwn: boolean;
  readonly meta: ArticleMeta;
}

export type WritePlan =
  | { readonly kind: 'unchanged'; readonly article: KnownArticle }
  /** A new version of `article` carrying the input's content. */
  | { readonly kind: 'update'; readonly article: KnownArticle }
  | { readonly kind: 'create' };

/**
 * Same content (by hash) is the same article whichever origin brings it; only the article's own origin may
 * edit it, so a copy that later diverges becomes an article of its own instead of rewriting someone else's.
 */
export function planWrite(input: ArticleInput, byHash: KnownArticle | undefined, byOrigin: KnownArticle | undefined): WritePlan {
  if (byHash) {
    const ownOrigin = byHash.originKey === input.originKey;
    return ownOrigin && describedDifferently(byHash, input) ? { kind: 'update', article: byHash } : { kind: 'unchanged', article: byHash };
  }
  if (byOrigin && byOrigin.originKey === input.originKey) return { kind: 'update', article: byOrigin };
  return { kind: 'create' };
}

function describedDifferently(known: KnownArticle, input: ArticleInput): boolean {
  return known.title !== input.title || known.titleIsOwn !== input.titleIsOwn || canonicalMeta(known.meta) !== canonicalMeta(input.meta);
}

/** Meta as JSON with sorted keys and no undefined values, so equal meta always serialises equally. */
export function canonicalMeta(meta: ArticleMeta): string {
  const entries = Object.entries(meta).filter(([, value]) => value !== undefined);
  return JSON.stringify(Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

/**
 * The ids a new article may take, in order of preference: 7 characters, lengthened to 8 on a collision. A
 * text's ids are prefixes of each other, so one hash gives both. They are read off the body's content hash:
 * core's articleIdFor is the base32 reading of that same SHA-256 digest, so a writer that has hashed the body
 * already need not hash it again (that second, JavaScript SHA-256 was 15% of SQLite ingest CPU).
 */
export function idCandidatesOfHash(contentHash: string): readonly ArticleId[] {
  // 40 bits (10 hex digits) are exactly 8 base32 characters; split in two so each half fits 32-bit arithmetic.
  const chars = (hex: string) => {
    const bits = Number.parseInt(hex, 16);
    // Spelled out: Array.from(...).join('') cost 3 µs a call, and the SQLite writer calls this for every article.
    return base32[(bits >>> 15) & 31]! + base32[(bits >>> 10) & 31]! + base32[(bits >>> 5) & 31]! + base32[bits & 31]!;
  };
  const long = `${chars(contentHash.slice(0, 5))}${chars(contentHash.slice(5, 10))}` as ArticleId;
  return [long.slice(0, 7) as ArticleId, long];
}

export function idCollision(input: ArticleInput, index: number, tried: readonly ArticleId[]): StoreError {
  return new StoreError('id-collision', `cannot store ${input.originKey}: ids ${tried.join(', ')} are taken by other content`, index);
}

/** Rejects a batch item that could never be stored, naming it and the reason. */
export function checkInput(input: ArticleInput, index: number): void {
  const problem =
    typeof input.originKey !== 'string' || input.originKey.trim() === ''
      ? 'originKey is empty'
      : typeof input.body !== 'string' || input.body.trim() === ''
        ? 'body is empty'
        : typeof input.title !== 'string'
          ? 'title is not text'
          : undefined;
  if (problem) throw new StoreError('invalid-input', `cannot store ${String(input.originKey)}: ${problem}`, index);
}

/** Users type ids: trim and lower-case before matching. */
export function normalizeId(id: string): string {
  return id.trim().toLowerCase();
}
