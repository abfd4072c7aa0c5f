import { describe, expect, it } from 'vitest';
import { parseJsonArticle } from '../../../src/core/parse/parse-json.js';
import { parseMarkdownArticle } from '../../../src/core/parse/parse-markdown.js';

describe('parseMarkdownArticle', () => {
  it('reads front matter and strips markup', () => {
    const result = parseMarkdownArticle(
      '---\ntitle: Kim orders missiles\nsource: Example News\nurl: https://example.com/a\npublished: 2025-12-26\n---\nKim **ordered** more [missiles](https://x.test). It was *big* news.\n\n> "We will win," he said.\n',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article).toMatchObject({
      title: 'Kim orders missiles',
      titleIsOwn: true,
      meta: { source: 'Example News', url: 'https://example.com/a', published: '2025-12-26' },
    });
    expect(result.article.sentences.map((s) => s.text)).toEqual(['Kim ordered more missiles.', 'It was big news.', '"We will win," he said.']);
  });

  it('takes a leading # heading as the title', () => {
    const result = parseMarkdownArticle('# Kim orders *more* missiles\n\nNorth Korea said so. It did.');
    expect(result).toMatchObject({ ok: true, article: { title: 'Kim orders more missiles', titleIsOwn: true, body: 'North Korea said so. It did.' } });
  });

  it('refuses bad front matter with a reason naming the field', () => {
    expect(parseMarkdownArticle('---\nurl: not a url\n---\nText here.')).toEqual({ ok: false, reason: expect.stringMatching(/^Markdown front matter field "url": /) });
    expect(parseMarkdownArticle('---\ntitle: [unclosed\n---\nText.')).toEqual({ ok: false, reason: expect.stringMatching(/^Markdown front matter is not valid YAML: /) });
  });

  it('refuses Markdown with no text', () => {
    expect(parseMarkdownArticle('---\ntitle: Only a title\n---\n\n')).toEqual({ ok: false, reason: 'Markdown article has no text after its front matter and title' });
  });
});

describe('parseJsonArticle', () => {
  it('reads title, text and facts', () => {
    const result = parseJsonArticle(JSON.stringify({ title: 'T', text: 'One. Two.', source: 'AFP', url: 'https://example.com/x', published: '2025-12-26' }));
    expect(result).toMatchObject({ ok: true, article: { title: 'T', body: 'One. Two.', meta: { source: 'AFP', url: 'https://example.com/x', published: '2025-12-26' } } });
  });

  it('accepts "body" in place of "text" and makes a headline when there is no title', () => {
    const result = parseJsonArticle('{"body": "North Korea has ordered more missile production, state media said."}');
    expect(result).toMatchObject({ ok: true, article: { titleIsOwn: false, title: 'North Korea has ordered more missile production' } });
  });

  it.each([
    ['{not json', /^not valid JSON: /],
    ['[1, 2]', /^JSON is not an article: expected an object with "text" or "body", got an array$/],
    ['"a string"', /got string$/],
    ['{"title": "no text"}', /^JSON is not an article: it has no "text" or "body" field$/],
    ['{"text": 5}', /^JSON article field "text": /],
    ['{"text": "x", "url": "nope"}', /^JSON article field "url": /],
    ['{"text": "   "}', /^JSON article: its "text" is empty$/],
  ])('refuses %s with a clear reason', (input, reason) => {
    const result = parseJsonArticle(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
