import type { ParsedArticle } from '../article.js';

/** Parsing never throws on bad input: a refusal is a value with a one-line reason naming what is wrong. */
export type ParseResult = { readonly ok: true; readonly article: ParsedArticle } | { readonly ok: false; readonly reason: string };

export function refuse(reason: string): ParseResult {
  return { ok: false, reason };
}
