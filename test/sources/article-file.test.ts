import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ARTICLE_BYTES, readArticleFile } from '../../src/sources/article-file.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const seedBytes = (name: string): Uint8Array => readFileSync(join(import.meta.dirname, '..', '..', 'seeds', name));

function reasonOf(name: string, bytes: Uint8Array): string {
  const verdict = readArticleFile(name, bytes);
  if (verdict.ok) throw new Error(`${name} was accepted`);
  return verdict.reason;
}

describe('readArticleFile accepts articles', () => {
  it('reads both seeds as text files with their metadata', () => {
    const afp = readArticleFile('000_814867405d2e95ac.txt', seedBytes('000_814867405d2e95ac.txt'));
    const seoul = readArticleFile('001_584bd946d38e3076.txt', seedBytes('001_584bd946d38e3076.txt'));
    expect(afp).toMatchObject({ ok: true, article: { meta: { credit: 'AFP' } } });
    expect(seoul).toMatchObject({ ok: true, article: { meta: { published: '2025-12-26', dateline: 'SEOUL' } } });
  });

  it('strips a UTF-8 byte order mark', () => {
    const verdict = readArticleFile('a.txt', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Kim spoke. He left.')]));
    expect(verdict).toMatchObject({ ok: true, article: { body: 'Kim spoke. He left.' } });
  });

  it('reads Markdown, JSON and HTML by extension, case-insensitively', () => {
    expect(readArticleFile('a.MD', utf8('# Title here\n\nKim spoke. He left.'))).toMatchObject({ ok: true, article: { title: 'Title here' } });
    expect(readArticleFile('a.markdown', utf8('Kim spoke. He left.'))).toMatchObject({ ok: true });
    expect(readArticleFile('a.json', utf8('{"title":"T","text":"Kim spoke."}'))).toMatchObject({ ok: true, article: { title: 'T' } });
    const html = '<html><head><title>Kim orders missiles</title><meta property="article:published_time" content="2025-12-26"></head><body><article><p>Kim spoke on Friday.</p><p>He left.</p></article></body></html>';
    expect(readArticleFile('a.htm', utf8(html))).toMatchObject({
      ok: true,
      article: { title: 'Kim orders missiles', body: 'Kim spoke on Friday.\n\nHe left.', meta: { published: '2025-12-26' } },
    });
  });
});

describe('readArticleFile refuses bad files with a one-line reason', () => {
  it.each([
    ['empty', 'a.txt', new Uint8Array(), 'a.txt: the file is empty'],
    ['whitespace only', 'a.txt', utf8(' \n\t\r\n '), 'a.txt: the file holds only whitespace'],
    ['NUL bytes', 'a.txt', Uint8Array.from([0x4b, 0x69, 0x00, 0x6d]), 'a.txt: binary file, not text (NUL byte at offset 2)'],
    ['control characters', 'a.md', utf8('Kim\u0001 spoke.'), 'a.md: binary file, not text (control character U+0001 at character 3)'],
    ['invalid UTF-8', 'a.txt', Uint8Array.from([0x4b, 0xff, 0xfe, 0x6d]), 'a.txt: not valid UTF-8 text (save it as UTF-8)'],
    ['unknown extension', 'a.pdf', utf8('Kim spoke.'), 'a.pdf: unsupported file type ".pdf" (expected .txt, .md, .markdown, .html, .htm, .json)'],
    ['no extension', 'README', utf8('Kim spoke.'), 'README: no file extension (expected .txt, .md, .markdown, .html, .htm, .json)'],
    ['HTML without article text', 'a.html', utf8('<html><body><script>run()</script></body></html>'), 'a.html: HTML has no article text (no paragraphs found in the page)'],
    ['JSON that is not an article', 'a.json', utf8('{"title": "only a title"}'), 'a.json: JSON is not an article: it has no "text" or "body" field'],
    ['JSON array', 'a.json', utf8('[]'), 'a.json: JSON is not an article: expected an object with "text" or "body", got an array'],
  ])('%s', (_case, name, bytes, reason) => {
    expect(reasonOf(name, bytes)).toBe(reason);
  });

  it('refuses a file over 5 MB', () => {
    const big = new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61);
    expect(reasonOf('big.txt', big)).toBe('big.txt: 5.0 MB is over the 5 MB limit for one article');
    expect(readArticleFile('ok.txt', new Uint8Array(MAX_ARTICLE_BYTES).fill(0x61)).ok).toBe(true);
  });

  it('keeps every reason on one line', () => {
    expect(reasonOf('a.json', utf8('{broken'))).not.toContain('\n');
    expect(reasonOf('a.md', utf8('---\ntitle: [x\n---\nText.'))).not.toContain('\n');
  });
});
