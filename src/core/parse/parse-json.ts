import { z } from 'zod';
import { articleFactsSchema, describeIssue, toKnownFacts } from './front-facts.js';
import { parseArticleText } from './parse-text.js';
import { refuse, type ParseResult } from './result.js';

/** `{ title, text | body, source, url, published }`: one article as a JSON object. */
const jsonArticleSchema = articleFactsSchema.extend({
  text: z.string().optional(),
  body: z.string().optional(),
});

export function parseJsonArticle(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return refuse(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse(`JSON is not an article: expected an object with "text" or "body", got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`);
  }
  const parsed = jsonArticleSchema.safeParse(value);
  if (!parsed.success) return refuse(`JSON article ${describeIssue(parsed.error)}`);
  const articleText = parsed.data.text ?? parsed.data.body;
  if (articleText === undefined) return refuse('JSON is not an article: it has no "text" or "body" field');
  const article = parseArticleText(articleText, toKnownFacts(parsed.data));
  return article.body === '' ? refuse('JSON article: its "text" is empty') : { ok: true, article };
}
