import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { ArticleInput } from '../../src/store/types.js';
import type { BenchContext, BenchSuite } from '../suite.js';

/**
 * Store benchmark: ingest throughput and search latency on 10,000 and 100,000 distinct articles made from the
 * dev set by variation, and the peak memory of `wirebrief ingest` on 1,000 to 60,000 files.
 */
const root = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const batchSize = 500;
const sizes = [10_000, 100_000];
const queriesPerSize = 2_000;
const commonWords = ['said', 'people', 'year', 'police', 'new', 'time', 'president', 'world', 'state', 'government'];

/** Deterministic PRNG (mulberry32) so every run benchmarks the same corpus and queries. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Corpus {
  readonly sentences: readonly (readonly string[])[];
  readonly names: readonly string[];
  readonly words: readonly string[];
}

export function loadCorpus(evalDir: string): Corpus {
  const lines = readFileSync(join(evalDir, 'cnndm_dev.jsonl'), 'utf8').split('\n').filter(Boolean);
  const texts = lines.flatMap((line) => (JSON.parse(line) as { articles: string[] }).articles);
  const sentences = texts.map((t) => t.split(/(?<=[.!?])\s+/).filter((s) => s.length > 0));
  const names = [...new Set(texts.join(' ').match(/\b[A-Z][a-z]{3,}\b/g) ?? [])];
  const words = [...new Set(texts.join(' ').toLowerCase().match(/\b[a-z]{4,}\b/g) ?? [])];
  return { sentences, names, words };
}

/** Article n: a dev-set article with its sentences shuffled, two names swapped and its numbers changed. */
export function variant(corpus: Corpus, n: number): ArticleInput {
  const rnd = random(n + 1);
  const base = corpus.sentences[n % corpus.sentences.length]!;
  const order = base.map((s) => ({ s, k: rnd() })).sort((a, b) => a.k - b.k).map((x) => x.s);
  let body = order.join(' ').replace(/\d+/g, () => String(Math.floor(rnd() * 10_000)));
  for (let i = 0; i < 2; i++) {
    const from = body.match(/\b[A-Z][a-z]{3,}\b/)?.[0];
    const to = corpus.names[Math.floor(rnd() * corpus.names.length)]!;
    if (from) body = body.replaceAll(from, to);
  }
  body = `${body} Variant ${n}.`;
  const title = order[0]!.split(/\s+/).slice(0, 12).join(' ');
  return { originKey: `bench/${n}`, title, titleIsOwn: false, body, meta: {} };
}

export function queries(corpus: Corpus, count: number): string[] {
  const rnd = random(7);
  const pick = (list: readonly string[]) => list[Math.floor(rnd() * list.length)]!;
  return Array.from({ length: count }, () => {
    const n = 1 + Math.floor(rnd() * 3);
    return Array.from({ length: n }, () => (rnd() < 0.3 ? pick(commonWords) : pick(corpus.words))).join(' ');
  });
}

/** Wall time and this process's CPU time (ms): the machine is shared, so CPU time is the one-core figure. */
async function timed(run: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function storeRows(ctx: BenchContext, corpus: Corpus): Promise<string[]> {
  const store = openSqliteStore(join(ctx.scratchDir, 'bench.db'));
  const rows: string[] = [];
  let written = 0;
  try {
    for (const size of sizes) {
      const startCount = written;
      const ingest = { wall: 0, cpu: 0 };
      while (written < size) {
        const batch = Array.from({ length: Math.min(batchSize, size - written) }, (_, i) => variant(corpus, written + i));
        const t = await timed(() => store.writeArticles(batch));
        ingest.wall += t.wall;
        ingest.cpu += t.cpu;
        written += batch.length;
      }
      const qs = queries(corpus, queriesPerSize);
      for (const q of qs.slice(0, 200)) await store.search(q);
      const wall: number[] = [];
      const cpu: number[] = [];
      for (const q of qs) {
        const t = await timed(() => store.search(q));
        wall.push(t.wall);
        cpu.push(t.cpu);
      }
      const [w, c] = [wall.sort((a, b) => a - b), cpu.sort((a, b) => a - b)];
      const rate = (ms: number) => (((written - startCount) / ms) * 1000).toFixed(0);
      const row = [size.toLocaleString('en'), rate(ingest.cpu), rate(ingest.wall), ...[50, 99].map((p) => percentile(c, p).toFixed(2)), ...[50, 99].map((p) => percentile(w, p).toFixed(2))];
      ctx.log(row.join(' | '));
      rows.push(`| ${row.join(' | ')} |`);
    }
  } finally {
    await store.close();
  }
  return rows;
}

/**
 * Compiles the CLI as `npm run build` does, into a folder inside the repo (so node_modules resolves) that git
 * ignores: the shipped `wirebrief` runs compiled JavaScript, and running it through tsx would add the
 * compiler's own ~35 MB to every figure. Type errors elsewhere in a working tree do not stop tsc emitting.
 */
function buildCli(): { main: string; remove: () => void } {
  const outDir = join(root, 'bench', '.data', `store-cli-${process.pid}`);
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', outDir], { cwd: root, encoding: 'utf8' });
  const main = join(outDir, 'cli', 'main.js');
  if (!existsSync(main)) throw new Error(`could not compile the CLI (tsc status ${run.status}): ${run.stdout.slice(-500)}`);
  return { main, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

/** Peak RSS (MB) of `wirebrief ingest` on a fresh data dir, measured by GNU time. */
function cliPeakRss(ctx: BenchContext, corpus: Corpus, cli: string, files: number): { mb: number; seconds: number; summary: string } {
  const dir = join(ctx.scratchDir, `files-${files}`);
  for (let n = 0; n < files; n++) {
    const sub = join(dir, String(Math.floor(n / 1000)).padStart(3, '0'));
    if (n % 1000 === 0) mkdirSync(sub, { recursive: true });
    const a = variant(corpus, n);
    writeFileSync(join(sub, `${String(n).padStart(6, '0')}.txt`), `${a.body.replace(/(?<=[.!?]) /g, '\n\n')}\n`);
  }
  const t0 = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'ingest', dir], {
    cwd: root,
    env: { ...process.env, WIREBRIEF_DATA_DIR: join(ctx.scratchDir, `data-${files}`) },
    encoding: 'utf8',
  });
  const seconds = (performance.now() - t0) / 1000;
  const kb = Number(run.stderr.trim().split('\n').at(-1));
  // GNU time reports memory even when the command failed: only a clean ingest of every file counts.
  if (run.status !== 0 || !Number.isFinite(kb) || !run.stdout.startsWith(`ingested ${files} new`)) {
    throw new Error(`wirebrief ingest failed (status ${run.status}): ${run.stdout}${run.stderr.slice(-500)}`);
  }
  return { mb: kb / 1024, seconds, summary: run.stdout.trim() };
}

export const suite: BenchSuite = {
  name: 'store',
  title: 'Store: ingest throughput, search latency, CLI ingest memory',
  async run(ctx) {
    if (!ctx.evalDir) return 'Skipped: the dev set (../shared/eval/cnndm_dev.jsonl) is not beside the repo.';
    const corpus = loadCorpus(ctx.evalDir);
    const rows = await storeRows(ctx, corpus);
    const cli = buildCli();
    let mem: ({ files: number } & ReturnType<typeof cliPeakRss>)[];
    try {
      mem = [1_000, 10_000, 30_000, 60_000].map((files) => ({ files, ...cliPeakRss(ctx, corpus, cli.main, files) }));
    } finally {
      cli.remove();
    }
    for (const m of mem) ctx.log(`cli ${m.files} files: ${m.mb.toFixed(0)} MB, ${m.seconds.toFixed(1)} s (${m.summary})`);
    return [
      `Embedded SQLite store (WAL, FTS5 porter, bm25 title×4), batches of ${batchSize}, articles made from the dev set by`,
      'variation (sentences shuffled, names swapped, numbers changed; ~3.7 KB each). Ingest rate counts only the store',
      'writes (FTS indexing included) for the articles added to reach that size. Search: ' + `${queriesPerSize} queries of 1–3 words`,
      `drawn from the corpus, 30% of them common words (${commonWords.slice(0, 4).join(', ')}, …), limit 10, snippets included, after`,
      '200 warm-up queries. The machine is shared with other work, so both CPU time of this process (the one-core figure)',
      `and wall time are given; load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`,
      '',
      '| articles | ingest/s (CPU) | ingest/s (wall) | search p50 ms (CPU) | p99 (CPU) | search p50 ms (wall) | p99 (wall) |',
      '|---:|---:|---:|---:|---:|---:|---:|',
      ...rows,
      '',
      'Peak RSS of `wirebrief ingest <folder>` (the compiled CLI as shipped, one process, story assignment of the new articles',
      'included; files in folders of 1,000). Files are read one at a time and written in batches; story assignment reads',
      'the stored articles 100 at a time, lets the event loop turn between pages (so V8\'s collector tasks run) and',
      'holds at most 10,000 stories (the StoryClusterer limit). The variants of one dev article make one story, so a',
      'run of 60,000 files holds some 500 stories; what grows with the run is the vocabulary (terms and names seen).',
      'Peak RSS depends on when V8 happens to collect: repeated runs of one size differ by up to ~40 MB.',
      '',
      '| files | peak RSS MB | wall s | result |',
      '|---:|---:|---:|---|',
      ...mem.map((m) => `| ${m.files.toLocaleString('en')} | ${m.mb.toFixed(0)} | ${m.seconds.toFixed(1)} | ${m.summary} |`),
    ].join('\n');
  },
};
