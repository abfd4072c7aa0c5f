import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { sourceNoticeText } from '../../commands/sources.js';
import { loadConfig, type Config } from '../../config.js';
import { systemClock } from '../../scheduler/clock.js';
import { assignStories, serialStoryAssigner } from '../../sources/assign-stories.js';
import { checkSourceUrl } from '../../sources/feeds/check-source.js';
import type { SourceScope } from '../../sources/feeds/source-port.js';
import type { PollReport, SourceNotice } from '../../sources/feeds/source-poller.js';
import { skipLine } from '../../sources/ingest.js';
import type { Store } from '../../store/store.js';
import { startLiveSources } from '../live-sources.js';
import { openStoreFromConfig } from '../open-store.js';
import { sourceLine, withStates } from '../source-lines.js';
import { createSourceRuntime } from '../source-runtime.js';
import { untilSignal } from '../until-signal.js';

const scopePattern = /^(global|(slack|discord|local):[^\s:]+)$/;

function parseScope(text: string): SourceScope {
  if (!scopePattern.test(text)) throw new Error(`--scope: "${text}" is not a scope (use global, slack:<team id> or discord:<guild id>)`);
  return text as SourceScope;
}

export function reportLine(report: PollReport): string {
  if (report.outcome === 'not-modified') return `${report.location}: unchanged (304)`;
  if (report.outcome === 'failed') return `${report.location}: FAILED (${report.failures} in a row): ${report.reason}`;
  const skips = report.skipped.map((s) => `\n  skipped ${s.key}: ${s.reason}`).join('');
  return `${report.location}: ${report.created} new, ${report.unchanged} already stored, ${report.skipped.length} skipped${skips}`;
}

async function withStore<T>(work: (store: Store, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = await openStoreFromConfig(config);
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}

async function add(target: string, scope: SourceScope): Promise<void> {
  await withStore(async (store, config) => {
    const out = (line: string) => process.stdout.write(`${line}\n`);
    if (!/^https?:\/\//i.test(target)) {
      const folder = resolve(target);
      const isFolder = await stat(folder).then((s) => s.isDirectory(), () => false);
      if (!isFolder) throw new Error(`${target}: not a folder, and not an http(s) URL`);
      const { added, source } = await store.addSource({ kind: 'folder', location: folder, scope }, systemClock.now());
      out(added ? `added folder ${source.location} as ${source.id}` : `folder ${source.location} is already a source (${source.id})`);
      return;
    }
    const runtime = createSourceRuntime(store, config);
    try {
      const check = await checkSourceUrl(target, runtime.fetcher);
      if (!check.ok) throw new Error(`cannot add ${target}: ${check.reason}`);
      const { added, source } = await store.addSource({ kind: check.kind, location: check.location, scope, ...(check.title ? { title: check.title } : {}) }, systemClock.now());
      out(added ? `added ${check.kind} ${source.location} as ${source.id}${check.title ? ` — ${check.title}` : ''}` : `${source.location} is already a source (${source.id})`);
      for (const line of check.preview) out(`  · ${line}`);
    } finally {
      await runtime.close();
    }
  });
}

export function register(program: Command): void {
  const source = program.command('source').description('news sources: folders, feeds (RSS, Atom, JSON Feed) and article URLs');
  source
    .command('add')
    .description('add a folder, feed URL or article URL (a URL is fetched and checked first)')
    .argument('<target>', 'folder path or http(s) URL')
    .option('--scope <scope>', 'global, slack:<team id> or discord:<guild id>', 'global')
    .action((target: string, options: { scope: string }) => add(target, parseScope(options.scope)));
  source
    .command('remove')
    .description('remove a source by id or location')
    .argument('<source>', 'source id (as listed) or its location')
    .option('--scope <scope>', 'global, slack:<team id> or discord:<guild id>', 'global')
    .action((which: string, options: { scope: string }) =>
      withStore(async (store) => {
        const location = /^https?:\/\//i.test(which) ? which : /^s[0-9a-z]{6}$/i.test(which) ? which : resolve(which);
        if (!(await store.removeSource(parseScope(options.scope), location))) throw new Error(`no source ${which} in scope ${options.scope}; wirebrief source list shows them`);
        process.stdout.write(`removed ${which}\n`);
      }),
    );
  source
    .command('list')
    .description('list sources with their health (failing ones show their last error)')
    .option('--scope <scope>', 'only this scope')
    .action((options: { scope?: string }) =>
      withStore(async (store) => {
        const sources = await store.listSources(options.scope ? { scope: parseScope(options.scope) } : {});
        if (sources.length === 0) process.stdout.write('no sources (articles come from WIREBRIEF_SEEDS_DIR only)\n');
        for (const entry of await withStates(sources, store)) process.stdout.write(`${sourceLine(entry)}\n`);
      }),
    );
  source
    .command('poll')
    .description('fetch every due feed and article URL once (--watch: keep polling and watch folder sources until SIGINT/SIGTERM)')
    .option('--watch', 'keep running')
    .action((options: { watch?: boolean }) =>
      withStore(async (store, config) => {
        const notify = async (n: SourceNotice) => void process.stderr.write(`${sourceNoticeText(n)}\n`);
        if (options.watch) return keepPolling(store, config, notify);
        const runtime = createSourceRuntime(store, config, notify);
        try {
          for (const report of await runtime.poller.pollDue()) process.stdout.write(`${reportLine(report)}\n`);
          await assignStories(store, systemClock.now());
        } finally {
          await runtime.close();
        }
      }),
    );
}

/** Polls once a minute (each source still keeps its own interval) and ingests folder changes, until a signal. */
async function keepPolling(store: Store, config: Config, notify: (n: SourceNotice) => Promise<void>): Promise<void> {
  const stopSignal = untilSignal();
  const live = startLiveSources({
    store,
    config,
    clock: systemClock,
    assignStories: serialStoryAssigner(store, systemClock),
    notify,
    onReport: (report) => process.stdout.write(`${reportLine(report)}\n`),
    onIngested: (path, s) => process.stdout.write(`${path}: ${s.created} new, ${s.updated} updated\n`),
    onSkip: (skip) => process.stderr.write(`${skipLine(skip)}\n`),
    onError: (error) => process.stderr.write(`polling failed: ${error instanceof Error ? error.message : String(error)}\n`),
  });
  try {
    await live.ready;
    await stopSignal;
  } finally {
    await live.stop();
  }
}
