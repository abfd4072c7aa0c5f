import type { ParsedArticle } from '../core/article.js';
import { parseJsonArticle } from '../core/parse/parse-json.js';
import { parseMarkdownArticle } from '../core/parse/parse-markdown.js';
import { parseArticleText } from '../core/parse/parse-text.js';
import type { ParseResult } from '../core/parse/result.js';
import { parseHtmlArticle } from './html-article.js';

/**
 * One article file (bytes from disk, an upload, a folder watch) → a parsed article or a one-line reason
 * naming the file and what is wrong with it. Checks run cheapest first and before any decoding that could
 * misread the bytes.
 */
export type FileVerdict = { readonly ok: true; readonly article: ParsedArticle } | { readonly ok: false; readonly reason: string };

export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

const parsers: Readonly<Record<string, (text: string) => ParseResult>> = {
  txt: (text) => ({ ok: true, article: parseArticleText(text) }),
  md: parseMarkdownArticle,
  markdown: parseMarkdownArticle,
  html: parseHtmlArticle,
  htm: parseHtmlArticle,
  json: parseJsonArticle,
};
export const ARTICLE_EXTENSIONS: readonly string[] = Object.keys(parsers).map((ext) => `.${ext}`);

/** Index of the first C0 control other than tab, line feed, vertical tab, form feed, carriage return; or DEL. */
function firstControlCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f) return i;
  }
  return -1;
}

export function readArticleFile(name: string, bytes: Uint8Array): FileVerdict {
  const refuse = (reason: string): FileVerdict => ({ ok: false, reason: `${name}: ${reason}` });
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const parse = Object.hasOwn(parsers, extension) ? parsers[extension] : undefined;
  if (!parse) {
    const kind = extension ? `unsupported file type ".${extension}"` : 'no file extension';
    return refuse(`${kind} (expected ${ARTICLE_EXTENSIONS.join(', ')})`);
  }
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return refuse(`${(bytes.length / 1024 / 1024).toFixed(1)} MB is over the ${MAX_ARTICLE_BYTES / 1024 / 1024} MB limit for one article`);
  }
  if (bytes.length === 0) return refuse('the file is empty');
  const nul = bytes.indexOf(0);
  if (nul !== -1) return refuse(`binary file, not text (NUL byte at offset ${nul})`);
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(hasBom ? bytes.subarray(3) : bytes);
  } catch {
    return refuse('not valid UTF-8 text (save it as UTF-8)');
  }
  const control = firstControlCharacter(text);
  if (control !== -1) {
    const code = text.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0');
    return refuse(`binary file, not text (control character U+${code} at character ${control})`);
  }
  if (text.trim() === '') return refuse('the file holds only whitespace');
  const result = parse(text);
  if (!result.ok) return refuse(result.reason);
  return result.article.body === '' ? refuse('no article text') : result;
}
