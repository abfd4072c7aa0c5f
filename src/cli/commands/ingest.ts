import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { assignStories } from '../../sources/assign-stories.js';
import { countFiles } from '../../sources/folder-walk.js';
import { ingestPaths, skipLine, type IngestSummary } from '../../sources/ingest.js';
import { openStoreFromConfig } from '../open-store.js';

/** Below this many files a progress bar is only flicker. */
const barThreshold = 50;

export function register(program: Command): void {
  program
    .command('ingest')
    .description('store the articles in files and folders (default: WIREBRIEF_SEEDS_DIR); exit status 2 when a file was skipped')
    .argument('[paths...]', 'files or folders, walked recursively')
    .action(async (paths: string[]) => {
      const config = loadConfig();
      const targets = paths.length > 0 ? paths : [config.WIREBRIEF_SEEDS_DIR];
      const store = await openStoreFromConfig(config);
      try {
        const summary = await ingestWithProgress(targets, store);
        // Stories stay current: what was just stored is grouped now, not when the next digest is composed.
        await assignStories(store, new Date());
        process.stdout.write(`${summaryLine(summary)}\n`);
        if (summary.skipped > 0) process.exitCode = 2;
      } finally {
        await store.close();
      }
    });
}

export function summaryLine(s: IngestSummary): string {
  return `ingested ${s.created} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.skipped} skipped`;
}

async function ingestWithProgress(targets: string[], store: Parameters<typeof ingestPaths>[1]): Promise<IngestSummary> {
  const total = process.stderr.isTTY ? await countFiles(targets) : 0;
  if (total < barThreshold) {
    return ingestPaths(targets, store, { onSkip: (skip) => process.stderr.write(`${skipLine(skip)}\n`) });
  }
  const bar = new cliProgress.SingleBar({ stream: process.stderr, hideCursor: true, format: 'ingest [{bar}] {value}/{total} files' });
  bar.start(total, 0);
  try {
    return await ingestPaths(targets, store, {
      onProgress: (done) => bar.update(done),
      // Clear the bar's line, print the skip above it; the bar redraws itself on the next line.
      onSkip: (skip) => process.stderr.write(`\r\x1b[2K${skipLine(skip)}\n`),
    });
  } finally {
    bar.stop();
  }
}
