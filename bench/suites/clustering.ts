import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoryClusterer } from '../../src/core/stories/index.js';
import { buildCorpus } from '../clustering/build-corpus.js';
import type { CorpusDoc } from '../clustering/build-corpus.js';
import { pairMetrics } from '../clustering/pair-metrics.js';
import { loadWireEvents, type WireDoc } from '../clustering/wire-events.js';
import type { BenchSuite } from '../suite.js';

const corpusSize = 10_000;

function run(corpus: readonly CorpusDoc[], withDates: boolean): string {
  const clusterer = new StoryClusterer();
  const startedAt = performance.now();
  const cpuBefore = process.cpuUsage();
  const predicted = corpus.map((doc) => clusterer.add(withDates ? doc : { id: doc.id, text: doc.text }));
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = (performance.now() - startedAt) / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const m = pairMetrics(corpus.map((doc, i) => ({ truth: doc.truth, predicted: predicted[i]! })));
  const pct = (x: number): string => (100 * x).toFixed(1);
  const stories = new Set(predicted).size;
  return `| ${withDates ? 'yes' : 'no'} | ${corpus.length} | ${stories} | ${m.truePairs} | ${m.predictedPairs} | ${pct(m.precision)} | ${pct(m.recall)} | ${pct(m.f1)} | ${seconds.toFixed(2)} | ${cpuSeconds.toFixed(2)} | ${Math.round(corpus.length / seconds)} |`;
}

/**
 * Independently written reports, added to one clusterer after the generated stream (months later, so nothing
 * merges across): the vocabulary's idf is then that of a working store, not of a few dozen articles.
 */
function wireTable(corpus: readonly CorpusDoc[]): string[] {
  const { docs, sets } = loadWireEvents();
  const clusterer = new StoryClusterer();
  for (const doc of corpus) clusterer.add(doc);
  const predicted = docs.map((doc) => clusterer.add(doc));
  const pct = (x: number): string => (100 * x).toFixed(1);
  const row = (label: string, keep: (doc: WireDoc) => boolean): string => {
    const items = docs.flatMap((doc, i) => (keep(doc) ? [{ truth: doc.truth, predicted: predicted[i]! }] : []));
    const m = pairMetrics(items);
    const count = (keys: readonly string[]) => new Set(keys).size;
    return `| ${label} | ${items.length} | ${count(items.map((i) => i.truth))} | ${count(items.map((i) => i.predicted))} | ${m.truePairs} | ${m.predictedPairs} | ${pct(m.precision)} | ${pct(m.recall)} | ${pct(m.f1)} |`;
  };
  return [
    '',
    'Independently written reports (`bench/clustering/wire-events/`, see its README): fictional events, each covered by',
    '4–10 agencies in their own words with their own national angles and figures that change through the day, plus',
    'look-alike articles about other events of the same kind in the same week, each its own story. Files are parsed as',
    '`wirebrief ingest` parses them and added in order of publication, dates used, after the generated stream above',
    '(months later, so nothing merges across; its 10,000 articles give the idf of a working store). This is the case the',
    'generated corpus does not cover: its reports of one event share sentences, these share facts.',
    '',
    '| set | articles | true stories | stories | true pairs | predicted pairs | precision % | recall % | F1 % |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...sets.map((set) => row(set, (doc) => doc.id.startsWith(`${set}/`))),
    row('all sets, one stream', () => true),
  ];
}

export const suite: BenchSuite = {
  name: 'clustering',
  title: 'Story clustering (10,000 generated articles)',
  async run(ctx) {
    if (!ctx.evalDir) return 'Skipped: the development set (../shared/eval) is not beside the repo.';
    const articles = readFileSync(join(ctx.evalDir, 'cnndm_dev.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { articles: string[] }).articles[0]!);
    const corpus = buildCorpus(articles, { size: corpusSize, seed: 20251226, reports: [2, 5] });
    const events = new Set(corpus.filter((d) => d.truth.startsWith('e')).map((d) => d.truth)).size;
    const reports = corpus.filter((d) => d.truth.startsWith('e')).length;
    ctx.log(`corpus: ${corpus.length} articles, ${events} events with ${reports} reports`);
    const rows = [run(corpus, true), run(corpus, false)];
    return [
      `Corpus (\`bench/clustering/build-corpus.ts\`, fixed seed): each of the ${events} articles of \`cnndm_dev.jsonl\` is one event,`,
      `reported ${reports} times in all (2–5 reports each). A report keeps a random 40–70 % of the article's sentences (at least`,
      'three), in half the cases led by a later sentence, swaps neighbouring sentences with probability 0.2 and drops 15 % of',
      'the lower-case words, so two reports of one event share entities and key terms but few exact word runs. The other',
      `${corpus.length - reports} articles are unrelated pastiches (one roughened sentence from each of 6–8 random dev articles),`,
      'each its own story: they share words with several events and must stay alone. Dates: each event has a day in a',
      '60-day span and its reports fall within 36 hours of it; pastiches are spread over the span. The stream is shuffled.',
      'Caveat: a few dev articles report the same real event (CNN ran several pieces on one story); the ground truth calls',
      'them different events, so precision here is a lower bound.',
      '',
      'Pairwise precision/recall: a pair of articles is positive when both are in one story. Time is one `StoryClusterer`',
      'adding every article in order on one core (Node is single-threaded here), feature extraction (terms, entities)',
      'included; corpus building is not timed. CPU seconds are shown beside wall seconds because the machine is shared:',
      'on a busy machine wall time overstates the cost.',
      '',
      '| dates used | articles | stories | true pairs | predicted pairs | precision % | recall % | F1 % | wall s | CPU s | articles/s (wall) |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows,
      ...wireTable(corpus),
    ].join('\n');
  },
};
