import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createConsoleTransport } from '../../adapters/console/console-transport.js';
import { loggerFromConfig } from '../../adapters/logger.js';
import { loadConfig, type Config } from '../../config.js';
import { parseSubscription, type SubscriptionId } from '../../core/subscription.js';
import { renderMarkdown } from '../../render/markdown.js';
import { systemClock } from '../../scheduler/clock.js';
import { DigestScheduler } from '../../scheduler/digest-scheduler.js';
import { defaultRetryPolicy } from '../../scheduler/retry-policy.js';
import { serialStoryAssigner } from '../../sources/assign-stories.js';
import type { Store } from '../../store/store.js';
import { digestComposer } from '../command-deps.js';
import { liveSourceLogging, startLiveSources } from '../live-sources.js';
import { localChannel, openArchive, prepareStore } from '../local-digest.js';
import { openStoreFromConfig } from '../open-store.js';
import { sourceNoticeDelivery } from '../source-notices.js';
import { untilSignal } from '../until-signal.js';

/** The terminal's standing subscription, kept in step with WIREBRIEF_SCHEDULE / _TIMEZONE / _MAX_STORIES. */
const localSubscriptionId = 'local' as SubscriptionId;

async function syncLocalSubscription(store: Store, config: Config, now: Date): Promise<string> {
  const parsed = parseSubscription(
    { platform: 'local', cron: config.WIREBRIEF_SCHEDULE, timeZone: config.WIREBRIEF_TIMEZONE, maxStories: config.WIREBRIEF_MAX_STORIES },
    { id: localSubscriptionId, now, defaultTimeZone: config.WIREBRIEF_TIMEZONE },
  );
  if (!parsed.ok) throw new Error(`WIREBRIEF_SCHEDULE: ${parsed.errors.join('; ')}`);
  const existing = await store.getSubscription(localSubscriptionId);
  const same = existing && existing.cron === parsed.subscription.cron && existing.timeZone === parsed.subscription.timeZone && existing.maxStories === parsed.subscription.maxStories;
  if (!same) {
    await store.removeSubscription(localSubscriptionId);
    // Keep the original creation time so a changed schedule does not re-open slots before it.
    await store.addSubscription(existing ? { ...parsed.subscription, createdAt: existing.createdAt } : parsed.subscription);
  }
  return parsed.confirmation;
}

export function register(program: Command): void {
  program
    .command('run')
    .description('the local channel: print and archive a digest now, then one on WIREBRIEF_SCHEDULE in WIREBRIEF_TIMEZONE until SIGINT/SIGTERM')
    .option('--once', 'compose, print and archive one digest now, then exit')
    .action(async (options: { once?: boolean }) => {
      const config = loadConfig();
      const store = await openStoreFromConfig(config);
      const archive = openArchive(config.WIREBRIEF_DIGESTS_DIR);
      const write = (text: string) => process.stdout.write(text);
      try {
        const now = systemClock.now();
        await prepareStore(store, config, now);
        const digest = await digestComposer(store).composeNow({ channel: localChannel, maxStories: config.WIREBRIEF_MAX_STORIES, now });
        write(renderMarkdown({ type: 'digest', digest }));
        const archived = await archive.write(digest);
        process.stderr.write(`archived ${archived.markdownPath}\n`);
        if (options.once) return;

        // Listen before starting: a signal during start-up must stop us cleanly too.
        const stopSignal = untilSignal();
        const confirmation = await syncLocalSubscription(store, config, now);
        // The terminal is for the digests; log lines go to stderr.
        const log = loggerFromConfig(config, process.stderr);
        const assign = serialStoryAssigner(store, systemClock);
        const transports = new Map([['local' as const, createConsoleTransport({ write, renderMarkdown, sentDir: join(config.WIREBRIEF_DATA_DIR, 'local-sent') })]]);
        const scheduler = new DigestScheduler({
          store,
          transports,
          archive,
          clock: systemClock,
          owner: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
          leaseMs: 10 * 60_000,
          retry: defaultRetryPolicy,
          log,
          catchUpHours: config.WIREBRIEF_CATCHUP_HOURS,
          beforeCompose: async () => void (await assign()),
        });
        const live = startLiveSources({ store, config, clock: systemClock, assignStories: assign, notify: sourceNoticeDelivery({ store, transports, clock: systemClock, log }), ...liveSourceLogging(log) });
        try {
          await scheduler.start();
          await live.ready;
          process.stderr.write(`running: ${confirmation}; watching ${config.WIREBRIEF_SEEDS_DIR} and polling feeds (Ctrl-C stops)\n`);
          const signal = await stopSignal;
          process.stderr.write(`${signal}: stopping\n`);
          await scheduler.stop();
        } finally {
          await live.stop();
        }
      } finally {
        await store.close();
      }
    });
}
