/**
 * Tuning aid, not part of the benchmark: scores our summarizer (with weights given as JSON on the command
 * line, merged over the defaults) and Lead-3 through our segmenter on the dev set, for the whole set and
 * for each half, so a setting that only helps one half is visible as overfitting.
 *   npx tsx bench/summarizer/dev-eval.ts [evalDir] ['{"positionDecay":1}']
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ArticleId } from '../../src/core/article.js';
import { meanRouge, scoreRouge, type RougeScores } from '../../src/core/rouge/score.js';
import { splitSentences } from '../../src/core/sentences.js';
import { buildCandidates } from '../../src/core/summarize/candidates.js';
import { defaultImportanceWeights, importance } from '../../src/core/summarize/importance.js';
import { defaultSelectionWeights, selectSentences } from '../../src/core/summarize/select.js';
import { similarityMatrix } from '../../src/core/summarize/similarity.js';

const evalDir = resolve(process.argv[2] ?? '../shared/eval');
const overrides = JSON.parse(process.argv[3] ?? '{}') as Record<string, number>;
const importanceWeights = { ...defaultImportanceWeights, ...overrides };
const selectionWeights = { ...defaultSelectionWeights, ...overrides };

interface Item { id: string; articles: string[]; reference: string }
const items = readFileSync(resolve(evalDir, 'cnndm_dev.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Item);

function ours(item: Item): string {
  const docs = item.articles.map((body, i) => ({ articleId: `doc${i}` as ArticleId, body, sentences: splitSentences(body) }));
  const { candidates, terms } = buildCandidates(docs);
  const similarity = similarityMatrix(candidates, terms);
  const chosen = selectSentences(candidates, terms, importance(candidates, similarity, importanceWeights), similarity, { sentences: 3 }, selectionWeights);
  return chosen.sort((a, b) => a.position - b.position || a.doc - b.doc).map((c) => c.text).join('\n');
}

function lead3(item: Item): string {
  return splitSentences(item.articles[0] ?? '').slice(0, 3).map((s) => s.text).join('\n');
}

function row(name: string, scores: RougeScores[]): string {
  const f = (s: readonly RougeScores[]): string => {
    const m = meanRouge(s);
    return [m.rouge1, m.rouge2, m.rougeL, m.rougeLsum].map((x) => (x.f1 * 100).toFixed(2)).join(' / ');
  };
  const half = scores.length >> 1;
  return `${name.padEnd(8)} all ${f(scores)} | first half ${f(scores.slice(0, half))} | second half ${f(scores.slice(half))}`;
}

const started = performance.now();
const predictions = items.map(ours);
const elapsed = performance.now() - started;
console.log(row('ours', items.map((it, i) => scoreRouge(it.reference, predictions[i]!))));
console.log(row('lead-3', items.map((it) => scoreRouge(it.reference, lead3(it)))));
console.log(`ours: ${(items.length / (elapsed / 1000)).toFixed(0)} articles/s in-process (R-1 / R-2 / R-L / R-Lsum F1)`);
