import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArticleId } from '../../../src/core/article.js';
import { parseArticleText } from '../../../src/core/parse/parse-text.js';
import { splitSentences } from '../../../src/core/sentences.js';
import { summarizeArticles, type SummaryDoc } from '../../../src/core/summarize/index.js';
import type { SummarySentence } from '../../../src/core/digest.js';
import { spawnWirebrief } from '../../cli/spawn-wirebrief.js';
import { redundantPairs as repeatedPairs } from '../../../bench/summarizer/repetition.js';

// Ten agencies' copy of one (fictional) quake: shared leads, toll updates, and one local angle each.
const reportsDir = join(import.meta.dirname, '..', '..', 'fixtures', 'wire-reports');
const files = readdirSync(reportsDir).filter((f) => f.endsWith('.txt')).sort();
const rawTexts = files.map((f) => readFileSync(join(reportsDir, f), 'utf8'));

// What ingest stores for a .txt file: dateline and credit line are metadata, not body.
const reports: SummaryDoc[] = files.map((file, i) => {
  const { body } = parseArticleText(rawTexts[i]!);
  return { articleId: basename(file, '.txt') as ArticleId, body, sentences: splitSentences(body) };
});

// Filed word for word by several agencies.
const duplicateLead = 'A magnitude 6.4 earthquake struck eastern Turkey early on Tuesday, killing at least 14 people and injuring hundreds, officials said.';

/** The redundant pairs of a summary (see bench/summarizer/repetition.ts). */
function redundantPairs(summary: readonly SummarySentence[] | readonly string[]): string[] {
  return repeatedPairs(summary.map((s) => (typeof s === 'string' ? s : s.text)));
}

const duplicateLeads = (texts: readonly string[]): number => texts.filter((t) => t.includes(duplicateLead)).length;

/** A fixed pseudo-random order, so a failing order can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('summarizeArticles over ten wire reports of one event', () => {
  it('reads reports that repeat each other, so that a summary could repeat itself', () => {
    expect(reports).toHaveLength(10);
    for (const report of reports) expect(report.sentences.length).toBeGreaterThanOrEqual(5);
    for (const report of reports) expect(report.sentences.length).toBeLessThanOrEqual(9);
    expect(reports.filter((r) => r.body.includes(duplicateLead)).length).toBeGreaterThanOrEqual(3);
    // The measure must see the overlap the summarizer has to avoid, or the assertions below prove nothing.
    const ap = reports.find((r) => r.articleId === 'ap')!.sentences[0]!.text;
    expect(redundantPairs([duplicateLead, ap])).toHaveLength(1);
  });

  for (const sentences of [3, 5, 8]) {
    it(`picks ${sentences} sentences, none repeating another, the magnitude among them`, () => {
      const summary = summarizeArticles(reports, { sentences });
      expect(summary).toHaveLength(sentences);
      expect(redundantPairs(summary)).toEqual([]);
      expect(duplicateLeads(summary.map((s) => s.text))).toBeLessThanOrEqual(1);
      expect(summary.some((s) => /\b6\.4\b/.test(s.text))).toBe(true);
    });
  }

  it('credits each sentence to a report that says exactly that, at that sentence', () => {
    for (const s of summarizeArticles(reports, { sentences: 8 })) {
      const source = reports.find((r) => r.articleId === s.articleId)!;
      const sentence = source.sentences[s.sentenceIndex]!;
      expect(source.body.slice(sentence.end - s.text.length, sentence.end)).toBe(s.text);
    }
  });

  it('takes one report\'s lead, never a second: each restates the quake, some with an older toll', () => {
    for (const sentences of [3, 5, 8]) {
      const leads = summarizeArticles(reports, { sentences }).filter((s) => s.sentenceIndex === 0);
      expect(leads.map((s) => s.text)).toHaveLength(1);
    }
  });

  it('opens with the newest report\'s lead when the reports say when they were filed, in any order', () => {
    const hour = 3_600_000;
    for (const newest of ['xinhua', 'afp', 'reuters']) {
      const dated = reports.map((r, i) => ({ ...r, published: r.articleId === newest ? 100 * hour : i * hour }));
      for (const seed of [1, 2, 3]) {
        const leads = summarizeArticles(shuffled(dated, seed), { sentences: 5 }).filter((s) => s.sentenceIndex === 0);
        expect(leads.map((s) => s.articleId)).toEqual([newest]);
      }
    }
  });

  it('breaks a tie between reports filed at the same time the same way in any order', () => {
    const dated = reports.map((r) => ({ ...r, published: ['xinhua', 'afp'].includes(r.articleId) ? 100 : 1 }));
    const leadsIn = (order: readonly SummaryDoc[]) => summarizeArticles(order, { sentences: 3 }).filter((s) => s.sentenceIndex === 0).map((s) => s.articleId);
    const first = leadsIn(dated);
    for (const seed of [1, 2, 3, 4, 5]) expect(leadsIn(shuffled(dated, seed))).toEqual(first);
  });

  it('lets no teaser open the summary, however new it is', () => {
    const body = 'Follow our live coverage of the earthquake.';
    const thin: SummaryDoc = { articleId: 'thin' as ArticleId, body, sentences: splitSentences(body), published: 200 * 3_600_000 };
    const dated = [...reports.map((r, i) => ({ ...r, published: i * 3_600_000 })), thin];
    const summary = summarizeArticles(dated, { sentences: 3 });
    expect(summary.map((s) => s.articleId)).not.toContain('thin');
    expect(summary.filter((s) => s.sentenceIndex === 0)).toHaveLength(1);
  });

  it('draws on several reports, since each has facts the others lack', () => {
    const summary = summarizeArticles(reports, { sentences: 5 });
    expect(new Set(summary.map((s) => s.articleId)).size).toBeGreaterThanOrEqual(3);
  });

  it('avoids repetition whatever order the reports arrive in', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const order = shuffled(reports, seed);
      const summary = summarizeArticles(order, { sentences: 5 });
      const orderName = order.map((r) => r.articleId).join(' ');
      expect(redundantPairs(summary), orderName).toEqual([]);
      expect(duplicateLeads(summary.map((s) => s.text)), orderName).toBeLessThanOrEqual(1);
    }
  });

  describe('wirebrief summarize', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirebrief-wire-reports-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    // The command takes texts as filed, furniture and all: nothing parses them first.
    it('summarizes the ten raw reports on one line without repeating itself', async () => {
      const input = join(dir, 'in.jsonl');
      const output = join(dir, 'out.jsonl');
      writeFileSync(input, `${JSON.stringify({ id: 'quake', articles: rawTexts })}\n`);

      const { code, stderr } = await spawnWirebrief(['summarize', '--input', input, '--output', output, '--sentences', '5']);

      expect(stderr).toBe('');
      expect(code).toBe(0);
      const { id, summary } = JSON.parse(readFileSync(output, 'utf8')) as { id: string; summary: string };
      expect(id).toBe('quake');
      const lines = summary.split('\n');
      expect(lines).toHaveLength(5);
      expect(redundantPairs(lines)).toEqual([]);
      expect(duplicateLeads(lines)).toBeLessThanOrEqual(1);
      for (const line of lines) expect(rawTexts.some((text) => text.replace(/\s+/g, ' ').includes(line))).toBe(true);
    });
  });
});
