import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { subscriptionPort } from '../command-deps.js';
import { openStoreFromConfig } from '../open-store.js';

interface SubscribeOptions {
  readonly tz?: string;
  readonly max?: string;
  readonly topic?: string;
  readonly platform?: string;
  readonly workspace?: string;
  readonly channel?: string;
}

export function register(program: Command): void {
  program
    .command('subscribe')
    .description('subscribe a channel to digests on a cron schedule; prints the schedule read back, e.g. "weekdays at 08:00 Europe/Berlin"')
    .argument('<cron>', 'five fields: minute hour day-of-month month day-of-week, e.g. "0 8 * * 1-5"')
    .option('--tz <zone>', 'IANA time zone (default: WIREBRIEF_TIMEZONE)')
    .option('--max <n>', 'at most this many stories per digest (default 5)')
    .option('--topic <words>', 'comma-separated keywords, or source:NAME')
    .option('--platform <name>', 'slack, discord or local', 'local')
    .option('--workspace <id>', 'Slack team id or Discord guild id')
    .option('--channel <id>', 'channel id')
    .action(async (cron: string, options: SubscribeOptions) => {
      const config = loadConfig();
      const store = await openStoreFromConfig(config);
      try {
        const port = subscriptionPort(store, config.WIREBRIEF_TIMEZONE, { now: () => new Date() });
        const result = await port.subscribe({
          channel: { platform: (options.platform ?? 'local') as 'local', workspace: options.workspace ?? '', channel: options.channel ?? '' },
          cron,
          ...(options.tz ? { timeZone: options.tz } : {}),
          ...(options.max ? { maxStories: Number(options.max) } : {}),
          ...(options.topic ? { topic: options.topic } : {}),
        });
        if (!result.ok) throw new Error(`subscription not created: ${result.reason}`);
        process.stdout.write(`subscribed ${result.subscription.id}: ${result.subscription.schedule}\n`);
      } finally {
        await store.close();
      }
    });
}
