import type { Logger } from 'pino';
import type { CommandDeps } from '../commands/types.js';
import { ConfigError, type Config } from '../config.js';
import type { DigestTransport } from '../scheduler/transport.js';
import type { Store } from '../store/store.js';

/** A started platform: its digest transport, a probe of its connection (for /healthz) and how to stop it. */
export interface Running {
  readonly transport: DigestTransport;
  connected?(): Promise<boolean | void>;
  stop(): Promise<void>;
}

interface PlatformServices {
  readonly deps: CommandDeps;
  readonly store: Store;
  readonly logger: Logger;
}

async function slack(config: Config, { deps, logger }: PlatformServices): Promise<Running | undefined> {
  if (!config.SLACK_BOT_TOKEN) return undefined;
  // Each platform's SDK is loaded only when it is configured: importing one costs seconds of start-up.
  const { startSlack } = await import('../adapters/slack/start-slack.js');
  const app = await startSlack(config, { deps, logger });
  return app && { transport: app.transport, stop: () => app.stop(), connected: async () => void (await app.client.auth.test()) };
}

async function discord(config: Config, { deps, store, logger }: PlatformServices): Promise<Running | undefined> {
  if (!config.DISCORD_TOKEN) return undefined;
  // `serve` does not use the id itself, but `wirebrief discord register` and the invite URL do: a bot without
  // registered commands answers nothing, so a half-configured Discord is stopped here with the fix named.
  if (!config.DISCORD_APPLICATION_ID) {
    throw new ConfigError(['DISCORD_APPLICATION_ID: must be set when DISCORD_TOKEN is (Developer Portal → your application → General Information → Application ID)']);
  }
  const [{ startDiscord }, { storeCompletions }, { renderDiscord }] = await Promise.all([
    import('../adapters/discord/start-discord.js'),
    import('../adapters/discord/completions.js'),
    import('../render/discord.js'),
  ]);
  const log = logger.child({ platform: 'discord' });
  const bot = await startDiscord(config, {
    commands: deps,
    completions: storeCompletions(store),
    render: renderDiscord,
    // The adapter logs only what went wrong or changed on the connection (failures, disconnects, resumes).
    log: (message, detail) => log.warn(detail, message),
  });
  log.info({ user: bot.client.user?.id }, 'Discord bot started');
  return { transport: bot.transport, stop: () => bot.stop(), connected: async () => bot.client.isReady() };
}

/**
 * Starts every platform whose token is set, in order; when one fails to start, the ones already started are
 * stopped before the error goes on, so a half-started bot never lingers.
 */
export async function startPlatforms(config: Config, services: PlatformServices): Promise<Running[]> {
  const started: Running[] = [];
  try {
    for (const start of [slack, discord]) {
      const running = await start(config, services);
      if (running) started.push(running);
    }
  } catch (error) {
    for (const platform of started) await platform.stop();
    throw error;
  }
  if (started.length === 0) {
    throw new Error("nothing to serve: set SLACK_BOT_TOKEN (see the README's Slack section) or DISCORD_TOKEN (its Discord section), or use `wirebrief run` for the terminal");
  }
  return started;
}
