import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleText } from '../../../src/core/parse/parse-text.js';

const seed = (name: string): string => readFileSync(join(import.meta.dirname, '..', '..', '..', 'seeds', name), 'utf8');

describe('parseArticleText on the seeds', () => {
  const afp = parseArticleText(seed('000_814867405d2e95ac.txt'));
  const seoul = parseArticleText(seed('001_584bd946d38e3076.txt'));

  it('reads the AFP credit line as metadata and removes it from the body', () => {
    expect(afp.meta).toEqual({ credit: 'AFP' });
    expect(afp.body.endsWith('scheduled for early 2026.')).toBe(true);
    expect(afp.body).not.toContain('AFP');
  });

  it('reads the date and the SEOUL dateline as metadata and removes them from the body', () => {
    expect(seoul.meta).toEqual({ published: '2025-12-26', dateline: 'SEOUL' });
    expect(seoul.body.startsWith('North Korean leader Kim Jong Un has ordered officials')).toBe(true);
  });

  it('counts paragraphs and sentences (counted by hand)', () => {
    // AFP: 8 lines; lines 1, 2, 4 and 6 hold two sentences (line 6 splits at "by the U.S. KCNA also reported").
    expect(afp.paragraphs).toHaveLength(8);
    expect(afp.sentences).toHaveLength(12);
    expect(afp.sentences.map((s) => s.paragraph)).toEqual([0, 0, 1, 1, 2, 3, 3, 4, 5, 5, 6, 7]);
    // SEOUL: 11 blank-line separated paragraphs of one sentence each.
    expect(seoul.paragraphs).toHaveLength(11);
    expect(seoul.sentences).toHaveLength(11);
  });

  it('keeps sentences verbatim slices of the body', () => {
    expect(afp.sentences[8]!.text).toBe(
      'This announcement to accelerate missile production came just one day after Kim inspected a nuclear submarine factory and pledged to counter the "threat" posed by South Korea’s submarine development supported by the U.S.',
    );
    expect(afp.sentences[9]!.text).toBe('KCNA also reported that the leader studied a new secret underwater weapons research project.');
    expect(seoul.sentences[4]!.text).toBe('"The missile and shell production sector is of paramount importance in bolstering up the war deterrent," Kim said.');
    for (const article of [afp, seoul]) for (const s of article.sentences) expect(article.body.slice(s.start, s.end)).toBe(s.text);
  });

  it('gives each seed an extractive headline', () => {
    expect(seoul.titleIsOwn).toBe(false);
    expect(seoul.title).toBe('North Korean leader Kim Jong Un has ordered officials to step up production of missiles');
    expect(afp.title).toBe("Kim Jong Un, North Korea's supreme leader, visited multiple weapons factories");
  });
});

describe('parseArticleText', () => {
  it('takes a headline-like first line as the article’s own title', () => {
    const article = parseArticleText('Kim orders more missiles\n\nSEOUL (Reuters) - North Korea said so. It did.\n— Reuters');
    expect(article.title).toBe('Kim orders more missiles');
    expect(article.titleIsOwn).toBe(true);
    expect(article.body).toBe('North Korea said so. It did.');
    expect(article.meta).toEqual({ dateline: 'SEOUL', source: 'Reuters', credit: 'Reuters' });
  });

  it('reads a CNN source prefix and keeps the story words', () => {
    const article = parseArticleText('(CNN)The court met on Monday. It ruled.');
    expect(article.meta.source).toBe('CNN');
    expect(article.sentences.map((s) => s.text)).toEqual(['The court met on Monday.', 'It ruled.']);
  });

  it('reads wire furniture as agencies file it: a dateline with no dash, a lower-case credit, an end line', () => {
    const pti = parseArticleText('NEW DELHI, Dec 2 (PTI) A strong earthquake struck eastern Turkey on Tuesday. India offered help.');
    expect(pti.meta).toMatchObject({ dateline: 'NEW DELHI', source: 'PTI' });
    expect(pti.sentences[0]!.text).toBe('A strong earthquake struck eastern Turkey on Tuesday.');
    const dpa = parseArticleText('BERLIN (dpa) - Germany sent rescuers. They landed at dawn.\n(dpa)');
    expect(dpa.meta.credit).toBe('dpa');
    expect(dpa.body).toBe('Germany sent rescuers. They landed at dawn.');
    const yonhap = parseArticleText('SEOUL, Dec. 2 (Yonhap) -- No South Koreans were hurt, the ministry said.\n(END)\n');
    expect(yonhap.meta).toEqual({ dateline: 'SEOUL', source: 'Yonhap' });
    expect(yonhap.body).toBe('No South Koreans were hurt, the ministry said.');
    const twoCities = parseArticleText('MILAN/FRANKFURT, March 10 (Reuters) - Ferrantini shares jumped 25% on Tuesday. Veltrup fell.');
    expect(twoCities.meta).toMatchObject({ dateline: 'MILAN/FRANKFURT', source: 'Reuters' });
    expect(twoCities.title).toBe('Ferrantini shares jumped 25% on Tuesday');
    const efe = parseArticleText('MADRID, March 12 (EFE).- Dockworkers at Spain\'s main ports began a strike. Ships waited.');
    expect(efe.meta).toMatchObject({ dateline: 'MADRID', source: 'EFE' });
    expect(efe.sentences[0]!.text).toBe("Dockworkers at Spain's main ports began a strike.");
  });

  it('keeps a last line in lower case that names no agency', () => {
    expect(parseArticleText('It happened in the city.\n(thanks)').body).toContain('(thanks)');
  });

  it('lets known facts win over what the text says', () => {
    const article = parseArticleText(' date 2025-12-26 SEOUL: It happened. Then more.', { title: 'Given', source: 'Yonhap', published: '2025-12-27' });
    expect(article).toMatchObject({ title: 'Given', titleIsOwn: true, meta: { source: 'Yonhap', published: '2025-12-27', dateline: 'SEOUL' } });
  });

  it('does not take a story’s last words for a credit', () => {
    const article = parseArticleText('It happened in the city.\nPeople Were Happy');
    expect(article.meta.credit).toBeUndefined();
    expect(article.body).toContain('People Were Happy');
  });

  it('returns an empty article for blank text', () => {
    expect(parseArticleText('  \n ')).toMatchObject({ body: '', sentences: [], paragraphs: [] });
  });
});
