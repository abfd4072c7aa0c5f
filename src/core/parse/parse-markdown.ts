import matter from 'gray-matter';
import { articleFactsSchema, describeIssue, toKnownFacts } from './front-facts.js';
import { parseArticleText } from './parse-text.js';
import { refuse, type ParseResult } from './result.js';

/**
 * Markdown article: YAML front matter (title, source, url, published/date, author), a leading "# Heading"
 * as the title, and the markup reduced to plain text so sentences are the words a reader sees.
 */
export function parseMarkdownArticle(text: string): ParseResult {
  let file: matter.GrayMatterFile<string>;
  try {
    // An options object bypasses gray-matter's cache, which would share one result between equal inputs.
    file = matter(text.replace(/^\uFEFF/, ''), {});
  } catch (error) {
    return refuse(`Markdown front matter is not valid YAML: ${firstLine(error)}`);
  }
  const facts = articleFactsSchema.safeParse(file.data);
  if (!facts.success) return refuse(`Markdown front matter ${describeIssue(facts.error)}`);
  const known = toKnownFacts(facts.data);
  const heading = /^\s*#[ \t]+(.+?)[ \t#]*(?:\n|$)/.exec(file.content);
  const content = heading ? file.content.slice(heading[0].length) : file.content;
  const article = parseArticleText(markdownToText(content), { ...(heading ? { title: markdownToText(heading[1]!) } : {}), ...known });
  return article.body === '' ? refuse('Markdown article has no text after its front matter and title') : { ok: true, article };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** Plain text of simple Markdown: keeps words and line structure, drops markup. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/^[ \t]*(?:```|~~~).*$/gm, '')
    .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, '')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/gm, '$1')
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')
    .replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/\[([^\]\n]+)\]\([^)\n]*\)/g, '$1')
    .replace(/<\/?[A-Za-z][^<>\n]*>/g, '')
    .replace(/(\*\*|__)(?=\S)([^*\n]+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1');
}
