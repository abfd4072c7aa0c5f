import { App, HTTPReceiver, type Receiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { CommandDeps } from '../../commands/types.js';
import type { DigestTransport } from '../../scheduler/transport.js';
import { registerListeners } from './listeners.js';
import { boltLogger } from './bolt-logger.js';
import { createSlackTransport } from './slack-transport.js';

/** HTTP mode (hosted: Slack calls /slack/events) or Socket Mode (self-run: we dial out, no public URL). */
export type SlackMode =
  | { readonly kind: 'http'; readonly signingSecret: string; readonly port: number; readonly host?: string }
  | { readonly kind: 'socket'; readonly appToken: string };

export interface SlackAppOptions {
  readonly botToken: string;
  readonly mode: SlackMode;
  /** SLACK_API_URL: another Web API base (a test server); Slack's own by default. */
  readonly apiUrl?: string;
  readonly logger: Logger;
  readonly deps: CommandDeps;
  /** Known bot identity saves an auth.test call per request. */
  readonly botId?: string;
  readonly botUserId?: string;
  /** How the Web API client retries 5xx and waits out 429 (Retry-After). */
  readonly retryConfig?: webApi.RetryOptions;
}

export interface SlackApp {
  readonly app: App;
  readonly client: webApi.WebClient;
  readonly transport: DigestTransport;
  /** Starts listening (HTTP) or connecting (Socket Mode); resolves with the bound port in HTTP mode. */
  start(): Promise<{ readonly port?: number }>;
  stop(): Promise<void>;
}

export const eventsPath = '/slack/events';

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const logger = boltLogger(options.logger);
  const clientOptions: webApi.WebClientOptions = {
    // The client joins method names onto the base URL, so the base must end with a slash.
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/` } : {}),
    ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
    logger,
  };
  const { mode } = options;
  const receiver: Receiver =
    mode.kind === 'http'
      ? new HTTPReceiver({ signingSecret: mode.signingSecret, endpoints: eventsPath, logger })
      : new SocketModeReceiver({ appToken: mode.appToken, logger, installerOptions: { clientOptions } });
  const app = new App({
    token: options.botToken,
    receiver,
    logger,
    clientOptions,
    ...(options.botId ? { botId: options.botId } : {}),
    ...(options.botUserId ? { botUserId: options.botUserId } : {}),
  });
  registerListeners(app, options.deps, options.logger);
  app.error(async (error) => {
    options.logger.error({ err: error }, 'unhandled Slack error');
  });
  return {
    app,
    client: app.client,
    transport: createSlackTransport(app.client),
    async start() {
      if (mode.kind === 'socket') {
        await app.start();
        return {};
      }
      const server = (await app.start({ port: mode.port, ...(mode.host ? { host: mode.host } : {}) })) as Server;
      return { port: (server.address() as AddressInfo).port };
    },
    async stop() {
      await app.stop();
    },
  };
}
