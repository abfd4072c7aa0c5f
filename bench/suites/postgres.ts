import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { BenchContext, BenchSuite } from '../suite.js';
import { loadCorpus, queries, variant } from './store.js';

/**
 * PostgreSQL backend: ingest and search at 100,000 articles (the store suite's corpus and queries, so the
 * numbers sit next to the embedded store's), and delivery claims per second with three processes competing
 * for the same slots, on PostgreSQL and on one SQLite file.
 */
const root = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const serverUrl = process.env.PGTEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const articles = 100_000;
const batchSize = 500;
const searches = 2_000;
const claimSubscriptions = 50;
const claimSlots = 40;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function ingestAndSearch(ctx: BenchContext, url: string): Promise<string> {
  const corpus = loadCorpus(ctx.evalDir!);
  const store = await openPostgresStore(url);
  try {
    const t0 = performance.now();
    for (let written = 0; written < articles; written += batchSize) {
      await store.writeArticles(Array.from({ length: Math.min(batchSize, articles - written) }, (_, i) => variant(corpus, written + i)));
      if (written % 20_000 === 0) ctx.log(`postgres: ${written} articles`);
    }
    const ingestRate = (articles / (performance.now() - t0)) * 1000;
    const qs = queries(corpus, searches);
    for (const q of qs.slice(0, 200)) await store.search(q);
    const wall: number[] = [];
    for (const q of qs) {
      const t = performance.now();
      await store.search(q);
      wall.push(performance.now() - t);
    }
    wall.sort((a, b) => a - b);
    const row = `| ${articles.toLocaleString('en')} | ${ingestRate.toFixed(0)} | ${percentile(wall, 50).toFixed(2)} | ${percentile(wall, 99).toFixed(2)} |`;
    ctx.log(row);
    return row;
  } finally {
    await store.close();
  }
}

interface Tally {
  readonly claimed: number;
  readonly done: number;
  readonly busy: number;
  readonly ms: number;
}

function claimWorker(target: string, owner: string): Promise<Tally> {
  return new Promise((resolvePromise, reject) => {
    const args = ['--import', 'tsx', join(root, 'bench/postgres/claim-worker.ts'), target, owner, String(claimSubscriptions), String(claimSlots)];
    const child = spawn(process.execPath, args, { cwd: root });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => (code === 0 ? resolvePromise(JSON.parse(out) as Tally) : reject(new Error(`claim worker failed: ${err.slice(-400)}`))));
  });
}

async function claimRow(ctx: BenchContext, name: string, target: string): Promise<string> {
  const tallies = await Promise.all(['p1', 'p2', 'p3'].map((owner) => claimWorker(target, owner)));
  const slots = claimSubscriptions * claimSlots;
  const won = tallies.reduce((n, t) => n + t.claimed, 0);
  if (won !== slots) throw new Error(`${name}: ${won} claims won for ${slots} slots; exactly-once is broken`);
  const seconds = Math.max(...tallies.map((t) => t.ms)) / 1000;
  const row = `| ${name} | ${slots.toLocaleString('en')} | ${tallies.map((t) => t.claimed).join(' / ')} | ${((3 * slots) / seconds).toFixed(0)} | ${(slots / seconds).toFixed(0)} |`;
  ctx.log(row);
  return row;
}

export const suite: BenchSuite = {
  name: 'postgres',
  title: 'PostgreSQL: ingest and search at 100,000 articles, slot claims with three processes',
  async run(ctx) {
    if (!ctx.evalDir) return 'Skipped: the dev set (../shared/eval/cnndm_dev.jsonl) is not beside the repo.';
    const name = `wirebrief_bench_${randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      const search = await ingestAndSearch(ctx, url.toString());
      const claims = [await claimRow(ctx, 'PostgreSQL', url.toString()), await claimRow(ctx, 'SQLite (one file, WAL)', join(ctx.scratchDir, 'claims.db'))];
      return [
        `PostgreSQL 15 on 127.0.0.1 (same 2-core machine, shared with other work; load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}).`,
        `Ingest and search use the store suite's corpus and queries (dev-set variants, ~3.7 KB each; ${searches} queries of 1–3 words,`,
        'limit 10, snippets included, after 200 warm-up queries), so compare with the embedded store\'s row at 100,000 in the "store"',
        'section. Wall time only: most of the work happens in the server process, so this process\'s CPU time says little.',
        '',
        '| articles | ingest/s (wall) | search p50 ms | search p99 ms |',
        '|---:|---:|---:|---:|',
        search,
        '',
        `Slot claims: three processes walk the same ${claimSubscriptions} subscriptions × ${claimSlots} slots in the same order; each claims every`,
        'slot and completes (as empty) the ones it wins. The run fails unless every slot is won exactly once.',
        '',
        '| backend | slots | won by p1 / p2 / p3 | claim calls/s (all three) | slots delivered/s |',
        '|---|---:|---|---:|---:|',
        ...claims,
      ].join('\n');
    } finally {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  },
};
