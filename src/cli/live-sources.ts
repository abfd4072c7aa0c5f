import { resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Clock } from '../scheduler/clock.js';
import type { PollReport, SourceNotice } from '../sources/feeds/source-poller.js';
import type { IngestSkip, IngestSummary } from '../sources/ingest.js';
import { watchFolders } from '../sources/watch-folders.js';
import type { Store } from '../store/store.js';
import { createSourceRuntime } from './source-runtime.js';

export interface LiveSourcesOptions {
  readonly store: Store;
  readonly config: Pick<Config, 'WIREBRIEF_USER_AGENT' | 'WIREBRIEF_SEEDS_DIR'>;
  readonly clock: Clock;
  /** Groups what was just stored into stories (the serial assigner the rest of the process uses too). */
  readonly assignStories: () => Promise<unknown>;
  readonly notify: (notice: SourceNotice) => Promise<void>;
  readonly onReport: (report: PollReport) => void;
  readonly onIngested: (path: string, summary: IngestSummary) => void;
  readonly onSkip: (skip: IngestSkip) => void;
  /** A failure of the loop itself (the store, not a source): logged, and the next pass tries again. */
  readonly onError: (error: unknown) => void;
  /** How often due feeds and pages are looked for (default once a minute; each source keeps its own interval). */
  readonly pollEveryMs?: number;
  /** Passed to the folder watch (tests shorten it). */
  readonly stableMs?: number;
}

export interface LiveSources {
  /** Resolves once the folder watch sees changes and the first poll pass has started its sources (none is waited for). */
  readonly ready: Promise<void>;
  /** Stops polling and watching, and waits for the work under way (polls, an ingest, story assignment). */
  stop(): Promise<void>;
}

/**
 * The sources while the bot runs: due feeds and article URLs polled about once a minute, and the seeds folder
 * plus every folder source watched. Whatever they store is grouped into stories at once, so stories are current
 * whenever someone asks, not only before a scheduled digest.
 */
export function startLiveSources(options: LiveSourcesOptions): LiveSources {
  const { store, clock } = options;
  const runtime = createSourceRuntime(store, options.config, options.notify, clock);
  const stopping = new AbortController();
  const pending = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const settled = work.catch(options.onError).finally(() => pending.delete(settled));
    pending.add(settled);
  };

  // Each source's poll is followed on its own; the loop only starts them, so it never waits on a slow one.
  const pass = async () => {
    for (const poll of await runtime.poller.startDue()) {
      track(
        poll.then(async (report) => {
          options.onReport(report);
          if (report.outcome === 'fetched' && report.created > 0) await options.assignStories();
        }),
      );
    }
  };
  const firstPass = pass().catch(options.onError);
  const loop = (async () => {
    await firstPass;
    while (!stopping.signal.aborted) {
      await clock.sleep(options.pollEveryMs ?? 60_000, stopping.signal);
      if (!stopping.signal.aborted) await pass().catch(options.onError);
    }
  })();

  const watching = store.listSources({ kind: 'folder' }).then((sources) => {
    const folders = [...new Set([resolve(options.config.WIREBRIEF_SEEDS_DIR), ...sources.map((s) => s.location)])];
    return watchFolders(folders, store, {
      onSkip: options.onSkip,
      ...(options.stableMs !== undefined ? { stableMs: options.stableMs } : {}),
      onIngested: (path, summary) => {
        options.onIngested(path, summary);
        if (summary.created + summary.updated > 0) track(options.assignStories());
      },
    });
  });

  return {
    ready: Promise.all([watching.then((w) => w.ready), firstPass]).then(() => undefined),
    async stop() {
      stopping.abort();
      await loop;
      await (await watching).close();
      await Promise.all(pending);
      await runtime.close();
    },
  };
}

/** The bots' way of reporting what the live sources did: one log line each. */
export function liveSourceLogging(log: Pick<Logger, 'info' | 'warn' | 'error'>): Pick<LiveSourcesOptions, 'onReport' | 'onIngested' | 'onSkip' | 'onError'> {
  return {
    onReport: (report) => (report.outcome === 'failed' ? log.warn({ source: report }, 'source poll failed') : log.info({ source: report }, 'source polled')),
    onIngested: (path, summary) => log.info({ path, ...summary }, 'folder change ingested'),
    onSkip: (skip) => log.warn({ path: skip.path, reason: skip.reason }, 'file skipped'),
    onError: (error) => log.error({ error: error instanceof Error ? error.message : String(error) }, 'source work failed; the next pass tries again'),
  };
}
