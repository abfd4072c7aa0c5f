import type { Logger } from 'pino';
import type { CommandDeps } from '../../commands/types.js';
import type { Config } from '../../config.js';
import { createSlackApp, type SlackApp, type SlackMode } from './slack-app.js';

export type SlackConfig = Pick<Config, 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_API_URL' | 'PORT' | 'HOST'>;

/** Socket Mode when an app token is set (no public URL needed); otherwise HTTP mode, which needs the signing secret. */
export function slackModeFrom(config: SlackConfig): SlackMode {
  if (config.SLACK_APP_TOKEN) return { kind: 'socket', appToken: config.SLACK_APP_TOKEN.reveal() };
  if (config.SLACK_SIGNING_SECRET) return { kind: 'http', signingSecret: config.SLACK_SIGNING_SECRET.reveal(), port: config.PORT, host: config.HOST };
  throw new Error('SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is: set one of them');
}

/**
 * Starts the Slack side of `wirebrief serve`, or returns undefined when Slack is not configured
 * (no SLACK_BOT_TOKEN), so each platform is one call in the composition root.
 */
export async function startSlack(config: SlackConfig, services: { readonly deps: CommandDeps; readonly logger: Logger }): Promise<SlackApp | undefined> {
  if (!config.SLACK_BOT_TOKEN) return undefined;
  const slack = createSlackApp({
    botToken: config.SLACK_BOT_TOKEN.reveal(),
    mode: slackModeFrom(config),
    ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
    logger: services.logger.child({ platform: 'slack' }),
    deps: services.deps,
  });
  const { port } = await slack.start();
  services.logger.info({ mode: slackModeFrom(config).kind, ...(port ? { port } : {}) }, 'Slack app started');
  return slack;
}
