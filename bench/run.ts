import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchSuite } from './suite.js';

/**
 * Runs every suite in bench/suites (or those named with --only) and writes each one's section into
 * BENCHMARKS.md between markers, so a partial run updates its own sections and keeps the others.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.flatMap((arg, i, all) => (arg === '--only' && all[i + 1] ? all[i + 1]!.split(',') : []));
const suitesDir = join(root, 'bench', 'suites');
const evalDir = [resolve(root, '..', 'shared', 'eval'), process.env.WIREBRIEF_EVAL_DIR].find((d) => d && existsSync(d));

const suites: BenchSuite[] = [];
for (const file of readdirSync(suitesDir).filter((f) => f.endsWith('.ts')).sort()) {
  const mod = (await import(pathToFileURL(join(suitesDir, file)).href)) as { suite?: BenchSuite };
  if (mod.suite && (only.length === 0 || only.includes(mod.suite.name))) suites.push(mod.suite);
}

const benchmarksPath = join(root, 'BENCHMARKS.md');
const header = '# Benchmarks\n\nProduced by `npm run bench` (all suites) or `npm run bench -- --only NAME`. Each section says when and on what it ran.\n';
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`;

for (const suite of suites) {
  const scratchDir = mkdtempSync(join(tmpdir(), `wirebrief-bench-${suite.name}-`));
  process.stderr.write(`bench: ${suite.name}\n`);
  try {
    const body = await suite.run({ evalDir, scratchDir, log: (line) => process.stderr.write(`  ${line}\n`) });
    const section = [
      `<!-- bench:${suite.name}:start -->`,
      `## ${suite.title}`,
      '',
      `Command: \`npm run bench -- --only ${suite.name}\` (or \`npm run bench\`). Ran ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
      '',
      body.trim(),
      `<!-- bench:${suite.name}:end -->`,
    ].join('\n');
    // Read just before writing: another bench run may have updated other sections meanwhile.
    const doc = existsSync(benchmarksPath) ? readFileSync(benchmarksPath, 'utf8') : header;
    const pattern = new RegExp(`<!-- bench:${suite.name}:start -->[\\s\\S]*?<!-- bench:${suite.name}:end -->`);
    writeFileSync(benchmarksPath, pattern.test(doc) ? doc.replace(pattern, () => section) : `${doc.trimEnd()}\n\n${section}\n`);
    process.stdout.write(`${section}\n\n`);
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
}
