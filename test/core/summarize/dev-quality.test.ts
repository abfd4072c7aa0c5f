import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleId } from '../../../src/core/article.js';
import { meanRouge, scoreRouge } from '../../../src/core/rouge/score.js';
import { splitSentences } from '../../../src/core/sentences.js';
import { summarizeArticles } from '../../../src/core/summarize/index.js';

const evalDir = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'eval');
const devSet = join(evalDir, 'cnndm_dev.jsonl');
const present = existsSync(devSet);

describe('summary quality on the CNN/DM dev set', () => {
  it.skipIf(!present)(`scores at least Lead-3 on ROUGE-1, ROUGE-2 and ROUGE-Lsum with 3 sentences${present ? '' : ` (skipped: ${devSet} not found)`}`, () => {
    const items = readFileSync(devSet, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { articles: string[]; reference: string });
    const ours = items.map((item) => {
      const docs = item.articles.map((body, i) => ({ articleId: `a${i}` as ArticleId, body, sentences: splitSentences(body) }));
      return scoreRouge(item.reference, summarizeArticles(docs, { sentences: 3 }).map((s) => s.text).join('\n'));
    });
    const lead3 = items.map((item) => scoreRouge(item.reference, splitSentences(item.articles[0]!).slice(0, 3).map((s) => s.text).join('\n')));
    const [o, l] = [meanRouge(ours), meanRouge(lead3)];
    expect(o.rouge1.f1).toBeGreaterThanOrEqual(l.rouge1.f1);
    expect(o.rouge2.f1).toBeGreaterThanOrEqual(l.rouge2.f1);
    expect(o.rougeLsum.f1).toBeGreaterThanOrEqual(l.rougeLsum.f1);
  });
});
