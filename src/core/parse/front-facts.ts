import { z } from 'zod';
import type { KnownArticleFacts } from './parse-text.js';

/**
 * Article facts a Markdown front matter or a JSON article may carry. Dates may arrive as YAML dates
 * (js-yaml makes them Date objects at UTC midnight) or as strings; both end up as ISO strings.
 */
const isoDate = z.union([z.string().trim().min(1), z.date().transform((d) => (Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10)))]);

export const articleFactsSchema = z.object({
  title: z.string().trim().min(1).optional(),
  source: z.string().trim().min(1).optional(),
  url: z.url().optional(),
  published: isoDate.optional(),
  date: isoDate.optional(),
  author: z.string().trim().min(1).optional(),
});

export function toKnownFacts(facts: z.infer<typeof articleFactsSchema>): KnownArticleFacts {
  const published = facts.published || facts.date;
  return {
    ...(facts.title ? { title: facts.title } : {}),
    ...(facts.source ? { source: facts.source } : {}),
    ...(facts.url ? { url: facts.url } : {}),
    ...(published ? { published } : {}),
    ...(facts.author ? { author: facts.author } : {}),
  };
}

/** "field \"url\": Invalid URL" — the first problem, naming the field, on one line. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const field = issue.path.map(String).join('.');
  return field ? `field "${field}": ${issue.message}` : issue.message;
}
