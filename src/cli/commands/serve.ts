import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { hostname } from 'node:os';
import type { Command } from 'commander';
import { startHealthServer } from '../../adapters/health-server.js';
import { loggerFromConfig } from '../../adapters/logger.js';
import { loadConfig } from '../../config.js';
import type { ChannelRef } from '../../core/digest.js';
import { systemClock } from '../../scheduler/clock.js';
import { DigestScheduler } from '../../scheduler/digest-scheduler.js';
import { defaultRetryPolicy } from '../../scheduler/retry-policy.js';
import type { DigestTransport } from '../../scheduler/transport.js';
import { serialStoryAssigner } from '../../sources/assign-stories.js';
import { createCommandDeps } from '../command-deps.js';
import { liveSourceLogging, startLiveSources, type LiveSources } from '../live-sources.js';
import { openArchive, prepareStore } from '../local-digest.js';
import { openStoreFromConfig } from '../open-store.js';
import { type Running, startPlatforms } from '../platforms.js';
import { sourceNoticeDelivery } from '../source-notices.js';

export function register(program: Command): void {
  program
    .command('serve')
    .description('run the chat bots that are configured (Slack: SLACK_BOT_TOKEN, Discord: DISCORD_TOKEN), poll the sources, and post subscribed digests on schedule, until SIGINT/SIGTERM')
    .action(async () => {
      const config = loadConfig();
      const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
      // pino adds pid and hostname; `owner` is the name this process's delivery claims carry.
      const logger = loggerFromConfig(config).child({ owner });
      // Listening before start-up work, so a SIGTERM during it is a clean stop rather than a kill.
      const stopping = Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]) as Promise<[string]>;
      const store = await openStoreFromConfig(config, { onConnectionError: (error) => logger.warn({ error: error.message }, 'database connection lost; the pool reconnects') });
      const started: Running[] = [];
      let health: Awaited<ReturnType<typeof startHealthServer>> | undefined;
      let sweeper: NodeJS.Timeout | undefined;
      let live: LiveSources | undefined;
      try {
        await prepareStore(store, config, systemClock.now());
        // One assigner for the whole process: ingest, on-demand digests and the scheduler all group stories through it.
        const assign = serialStoryAssigner(store, systemClock);
        const deps = createCommandDeps({ store, config, assignStories: assign, archive: openArchive(config.WIREBRIEF_DIGESTS_DIR, 'on-demand') });
        started.push(...(await startPlatforms(config, { deps, store, logger })));
        const transports = new Map<ChannelRef['platform'], DigestTransport>(started.map((p) => [p.transport.platform, p.transport]));
        const scheduler = new DigestScheduler({
          store,
          transports,
          archive: openArchive(config.WIREBRIEF_DIGESTS_DIR),
          clock: systemClock,
          owner,
          leaseMs: config.WIREBRIEF_CLAIM_LEASE_SECONDS * 1000,
          retry: defaultRetryPolicy,
          log: logger,
          catchUpHours: config.WIREBRIEF_CATCHUP_HOURS,
          beforeCompose: async () => void (await assign()),
        });
        await scheduler.start();
        const notify = sourceNoticeDelivery({ store, transports, clock: systemClock, log: logger });
        live = startLiveSources({ store, config, clock: systemClock, assignStories: assign, notify, ...liveSourceLogging(logger) });
        await live.ready;
        if (config.WIREBRIEF_HEALTH_PORT > 0) {
          const checks = Object.fromEntries([
            // An indexed lookup: cheap on both backends, and it fails when the database does not answer.
            ['store', async () => void (await store.getArticle('healthz'))] as const,
            ...started.map((p) => [p.transport.platform, p.connected ?? (async () => undefined)] as const),
          ]);
          health = await startHealthServer(config.WIREBRIEF_HEALTH_PORT, checks, config.HOST);
          logger.info({ port: health.port }, 'health endpoint at GET /healthz');
        }
        // A claim left by a process that died lapses after its lease; re-running the catch-up this often lets a
        // live process finish that slot while it is still the latest one (the scheduler only delivers the latest).
        sweeper = setInterval(() => void scheduler.catchUp(), Math.max(1000, Math.floor(config.WIREBRIEF_CLAIM_LEASE_SECONDS * 500)));
        const [signal] = await stopping;
        logger.info({ signal }, 'stopping: finishing deliveries in progress');
        clearInterval(sweeper);
        await scheduler.stop();
        logger.info({ signal }, 'stopped');
      } finally {
        clearInterval(sweeper);
        await live?.stop();
        await health?.close();
        for (const platform of started) await platform.stop();
        await store.close();
        // Under discord.js's ShardingManager (a fork with an IPC channel) the open channel would keep the stopped process alive.
        if (process.connected) process.disconnect();
      }
    });
}
