import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { meanRouge, scoreRouge, type RougeScores } from '../../src/core/rouge/score.js';
import { splitSentences } from '../../src/core/sentences.js';
import { wireStories } from '../clustering/wire-events.js';
import { redundancyThreshold, redundantPairs } from '../summarizer/repetition.js';
import type { BenchSuite } from '../suite.js';

/**
 * Ours against Lead-3 (our segmenter), ts-textrank and node-summarizer on the same data and machine, each
 * as its own process reading the JSONL and writing predictions, 3 sentences per article. Ours runs as a
 * user runs it: the CLI built to JavaScript, `node dist/cli/main.js summarize`. Quality is ROUGE F1 on the
 * 500-article dev set; speed is whole-process articles/s on the dev set repeated ten times, with the
 * start-up cost (an empty input) measured separately. The machine is shared, so every timing is taken
 * `timingRounds` times, the systems taking turns within a round so that a busy spell slows all of them,
 * and the median is reported.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const builtCli = join(root, 'dist', 'cli', 'main.js');
const speedRepeats = 10;
const timingRounds = 3;

interface System {
  readonly name: string;
  readonly how: string;
  command(input: string, output: string): readonly [string, readonly string[]];
}

function runner(name: string, script: string): System {
  return { name, how: `tsx bench/summarizer/${script}.ts`, command: (input, output) => [tsx, [join(root, 'bench', 'summarizer', `${script}.ts`), input, output]] };
}

const ours: System = {
  name: 'wirebrief (ours)',
  how: '`node dist/cli/main.js summarize` (built by the suite)',
  command: (input, output) => [process.execPath, [builtCli, 'summarize', '--input', input, '--output', output, '--sentences', '3']],
};

/** Builds dist/ with the project's build config; a failed build fails the benchmark with the compiler's words. */
function build(): void {
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0 || !existsSync(builtCli)) {
    const said = `${result.stdout}${result.stderr}`.trim().split('\n').slice(0, 20).join('\n');
    throw new Error(`summarizer bench: \`tsc -p tsconfig.build.json\` failed (exit ${String(result.status)}), so the built CLI cannot be measured:\n${said}`);
  }
}

/** Wall-clock seconds for one process from spawn to exit; a failing process fails the benchmark. */
function timed([command, args]: readonly [string, readonly string[]]): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done((performance.now() - started) / 1000) : fail(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`))));
  });
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);
}

function quality(predictionsPath: string, references: ReadonlyMap<string, string>): RougeScores {
  const predictions = new Map(readJsonl<{ id: string; summary: string }>(predictionsPath).map((p) => [p.id, p.summary]));
  // A missing prediction scores zero rather than being dropped, so a system cannot gain by skipping items.
  return meanRouge([...references].map(([id, reference]) => scoreRouge(reference, predictions.get(id) ?? '')));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * How a system summarizes a story told by several reports: how many of its sentences are some report's
 * lead (each lead tells the event again), how many pairs repeat each other, and how many reports it draws on.
 */
function multiReportRow(name: string, stories: readonly { id: string; articles: string[] }[], predictionsPath: string): string {
  const summaries = new Map(readJsonl<{ id: string; summary: string }>(predictionsPath).map((p) => [p.id, p.summary.split('\n').filter(Boolean)]));
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
  let leadsShown = 0;
  let repeatingLeads = 0;
  let redundant = 0;
  let drawnOn = 0;
  let notVerbatim = 0;
  let shown = 0;
  for (const story of stories) {
    const sentences = (summaries.get(story.id) ?? []).map(flat);
    const leads = story.articles.map((body) => flat(splitSentences(body)[0]?.text ?? ''));
    const bodies = story.articles.map(flat);
    const leadCount = sentences.filter((s) => leads.some((lead) => lead.includes(s) || s.includes(lead))).length;
    leadsShown += leadCount;
    if (leadCount > 1) repeatingLeads++;
    redundant += redundantPairs(sentences).length;
    const sources = sentences.map((s) => bodies.findIndex((body) => body.includes(s)));
    drawnOn += new Set(sources.filter((i) => i >= 0)).size;
    notVerbatim += sources.filter((i) => i < 0).length;
    shown += sentences.length;
  }
  const mean = (total: number) => (total / stories.length).toFixed(2);
  return `| ${name} | ${stories.length} | ${repeatingLeads} | ${mean(leadsShown)} | ${redundant} | ${mean(drawnOn)} | ${notVerbatim} of ${shown} |`;
}

const f1 = (scores: RougeScores): string => [scores.rouge1, scores.rouge2, scores.rougeL, scores.rougeLsum].map((s) => (s.f1 * 100).toFixed(2)).join(' | ');

export const suite: BenchSuite = {
  name: 'summarizer',
  title: 'Summarizer: ROUGE on the CNN/DM dev set and whole-process speed',
  async run({ evalDir, scratchDir, log }) {
    if (evalDir === undefined) return 'Skipped: the dev set (`../shared/eval/cnndm_dev.jsonl`) is not beside the repository.';
    const devSet = join(evalDir, 'cnndm_dev.jsonl');
    const items = readJsonl<{ id: string; articles: string[]; reference: string }>(devSet);
    const references = new Map(items.map((item) => [item.id, item.reference]));
    const repeated = join(scratchDir, 'repeated.jsonl');
    const lines = readFileSync(devSet, 'utf8').trimEnd();
    writeFileSync(repeated, `${Array.from({ length: speedRepeats }, () => lines).join('\n')}\n`);
    const empty = join(scratchDir, 'empty.jsonl');
    writeFileSync(empty, '');
    const articles = items.length * speedRepeats;
    const load = loadavg()[0]!.toFixed(1);

    log('building dist/ (tsc -p tsconfig.build.json)');
    build();
    const systems = [ours, runner('Lead-3 (our segmenter)', 'lead3'), runner('ts-textrank 1.0.3', 'ts-textrank'), runner('node-summarizer 1.0.7 (frequency)', 'node-summarizer')];
    const scores = new Map<string, RougeScores>();
    for (const system of systems) {
      log(`${system.name}: quality run`);
      const predictions = join(scratchDir, `${system.name.replace(/\W+/g, '-')}.jsonl`);
      await timed(system.command(devSet, predictions));
      scores.set(system.name, quality(predictions, references));
    }
    const stories = wireStories();
    const storiesFile = join(scratchDir, 'wire-stories.jsonl');
    writeFileSync(storiesFile, `${stories.map((story) => JSON.stringify(story)).join('\n')}\n`);
    const multiRows: string[] = [];
    for (const system of systems) {
      log(`${system.name}: multi-report stories`);
      const predictions = join(scratchDir, `multi-${system.name.replace(/\W+/g, '-')}.jsonl`);
      await timed(system.command(storiesFile, predictions));
      multiRows.push(multiReportRow(system.name, stories, predictions));
    }
    const startups = new Map<string, number[]>(systems.map((s) => [s.name, []]));
    const walls = new Map<string, number[]>(systems.map((s) => [s.name, []]));
    for (let round = 1; round <= timingRounds; round++) {
      for (const system of systems) {
        log(`round ${round}/${timingRounds}: ${system.name} start-up and speed (${articles} articles)`);
        startups.get(system.name)!.push(await timed(system.command(empty, join(scratchDir, 'empty-out.jsonl'))));
        walls.get(system.name)!.push(await timed(system.command(repeated, join(scratchDir, 'speed-out.jsonl'))));
      }
    }
    const rows = systems.map((system) => {
      const [startup, wall] = [median(startups.get(system.name)!), median(walls.get(system.name)!)];
      const runs = walls.get(system.name)!.map((w) => (articles / w).toFixed(0)).join(', ');
      return `| ${system.name} | ${f1(scores.get(system.name)!)} | ${(articles / wall).toFixed(0)} | ${runs} | ${(articles / Math.max(wall - startup, 1e-3)).toFixed(0)} | ${(startup * 1000).toFixed(0)} | ${system.how} |`;
    });
    const rate = (name: string, minusStartup: boolean): number => {
      const wall = median(walls.get(name)!);
      return articles / (minusStartup ? Math.max(wall - median(startups.get(name)!), 1e-3) : wall);
    };
    const textrank = systems[2]!.name;
    const ratio = rate(ours.name, false) / rate(textrank, false);
    const steadyRatio = rate(ours.name, true) / rate(textrank, true);
    return [
      `Quality: ${items.length} articles of \`cnndm_dev.jsonl\`, 3 sentences each, ROUGE F1 ×100 by \`src/core/rouge\` (reproduces rouge_score's Lead-3 calibration table exactly). Speed: the same file repeated ${speedRepeats}× (${articles} articles), one process per system, wall clock from spawn to exit; start-up is a run on an empty file. Every timing is the median of ${timingRounds} rounds, the systems taking turns within each round. Load average when the suite started: ${load}, when it ended: ${loadavg()[0]!.toFixed(1)} (on a shared machine; other work slows every system alike).`,
      '',
      '| system | R-1 | R-2 | R-L | R-Lsum | articles/s (whole process, median) | each round | articles/s (minus start-up) | start-up ms | how it ran |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
      ...rows,
      '',
      `Ours vs ts-textrank, whole process: ${ratio.toFixed(1)}× (target ≥ 10×); minus start-up on both sides: ${steadyRatio.toFixed(1)}×. The baselines run from TypeScript through tsx, whose start-up is part of their whole-process time and is shown in the start-up column.`,
      'node-summarizer joins its chosen sentences without a separator; its runner cuts the summary back into the sentences its own tokenizer produced, so ROUGE-Lsum sees one sentence per line for every system.',
      '',
      `Stories told by several reports: the ${stories.length} events of \`bench/clustering/wire-events/\` (4–10 independently written agency reports each, oldest first, one JSONL line per story, no publication times), 3 sentences per summary. A lead is a report's first sentence: each tells the event again, often with an older figure. Redundant pairs share ≥ ${redundancyThreshold * 100}% of the shorter sentence's content words (\`bench/summarizer/repetition.ts\`, the multi-document tests' measure). Lead-3 reads only the first report. A sentence found in no report (whitespace aside) counts neither as a lead nor as drawn on a report.`,
      '',
      '| system | stories | summaries with 2+ leads | leads per summary | redundant pairs | reports drawn on per summary | sentences found in no report |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...multiRows,
    ].join('\n');
  },
};
