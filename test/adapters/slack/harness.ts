import { vi } from 'vitest';
import { createCommandDeps } from '../../../src/cli/command-deps.js';
import { createLogger } from '../../../src/adapters/logger.js';
import { createSlackApp, eventsPath, type SlackApp } from '../../../src/adapters/slack/slack-app.js';
import { FakeSlack } from '../../fakes/slack/fake-slack.js';
import {
  appMentionBody,
  blockActionsPayload,
  formContentType,
  interactionBody,
  messageShortcutPayload,
  sendSigned,
  slashCommandBody,
  type SignOptions,
  type SlackHttpAnswer,
} from '../../fakes/slack/signed-request.js';
import { seededStore, type SeededStore } from '../../commands/seeded-store.js';

export const signingSecret = 'test-signing-secret-8f3a2c';
export const channel = 'C0GENERAL';

/** The real Bolt app in HTTP mode, a real SQLite store with the seeds, and the fake Slack it talks to. */
export interface SlackHarness {
  readonly fake: FakeSlack;
  readonly slack: SlackApp;
  readonly seeded: SeededStore;
  readonly eventsUrl: string;
  /** Every log line the app wrote (already scrubbed, as it would reach stdout). */
  readonly logs: string[];
  command(command: string, text: string, options?: { user?: string; sign?: Partial<SignOptions> }): Promise<SlackHttpAnswer>;
  /** Presses a button whose action_id and value are the encoded action, as the renderer makes them. */
  press(button: { value: string; user?: string; messageTs: string; threadTs?: string; channel?: string }): Promise<SlackHttpAnswer>;
  mention(text: string, options: { ts: string; threadTs?: string; user?: string }): Promise<SlackHttpAnswer>;
  shortcut(message: { ts: string; text: string; thread_ts?: string }): Promise<SlackHttpAnswer>;
  close(): Promise<void>;
}

export async function startSlackHarness(): Promise<SlackHarness> {
  const seeded = await seededStore();
  const fake = await FakeSlack.start();
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', secrets: [fake.botToken, signingSecret], destination: { write: (line: string) => logs.push(line) } });
  const deps = createCommandDeps({
    store: seeded.store,
    config: { WIREBRIEF_TIMEZONE: 'Europe/Berlin', WIREBRIEF_ADMINS: [], WIREBRIEF_SEEDS_DIR: 'seeds', WIREBRIEF_USER_AGENT: 'Wirebrief-test' },
    clock: { now: () => new Date('2025-12-26T09:00:00Z') },
  });
  const slack = createSlackApp({
    botToken: fake.botToken,
    mode: { kind: 'http', signingSecret, port: 0, host: '127.0.0.1' },
    apiUrl: fake.apiUrl,
    logger,
    deps,
    botId: fake.botId,
    botUserId: fake.botUserId,
    // Tests wait out a 429 of Retry-After 1 s at most; 5xx retries come 10 ms apart.
    retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 10 },
  });
  const { port } = await slack.start();
  const eventsUrl = `http://127.0.0.1:${port}${eventsPath}`;
  const signed = (body: string, type: string, sign: Partial<SignOptions> = {}) => sendSigned(eventsUrl, body, type, { signingSecret, ...sign });
  return {
    fake,
    slack,
    seeded,
    eventsUrl,
    logs,
    command: (command, text, options = {}) =>
      signed(slashCommandBody({ command, text, userId: options.user ?? 'UMEMBER', channelId: channel, teamId: fake.teamId, responseUrl: fake.responseUrl() }), formContentType, options.sign),
    press: (b) =>
      signed(interactionBody(blockActionsPayload({ ...b, actionId: b.value, userId: b.user ?? 'UMEMBER', channelId: b.channel ?? channel, teamId: fake.teamId, responseUrl: fake.responseUrl() })), formContentType),
    mention: (text, m) => signed(appMentionBody({ text, userId: m.user ?? 'UMEMBER', channelId: channel, teamId: fake.teamId, ts: m.ts, ...(m.threadTs ? { threadTs: m.threadTs } : {}) }), 'application/json'),
    shortcut: (message) =>
      signed(interactionBody(messageShortcutPayload({ callbackId: 'wirebrief_quotes', userId: 'UMEMBER', channelId: channel, teamId: fake.teamId, responseUrl: fake.responseUrl(), message })), formContentType),
    async close() {
      await slack.stop();
      await fake.close();
      await seeded.close();
    },
  };
}

/** Work happens after the ack; wait (bounded) until the fake has seen it. */
export async function eventually<T>(probe: () => T | undefined): Promise<T> {
  return vi.waitFor(
    () => {
      const value = probe();
      if (value === undefined) throw new Error('not yet');
      return value;
    },
    { timeout: 5000, interval: 10 },
  );
}
