import { afterEach, describe, expect, it } from 'vitest';
import { createCommandDeps } from '../../../src/cli/command-deps.js';
import { createLogger } from '../../../src/adapters/logger.js';
import { createSlackApp, type SlackApp } from '../../../src/adapters/slack/slack-app.js';
import { FakeSlack } from '../../fakes/slack/fake-slack.js';
import { SocketModeServer } from '../../fakes/slack/socket-mode-server.js';
import { seededStore, type SeededStore } from '../../commands/seeded-store.js';
import { eventually } from './harness.js';

describe('Slack app in Socket Mode', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('opens a connection with the app token, takes hello, and acks a slash command envelope', async () => {
    const fake = await FakeSlack.start();
    const socket = await SocketModeServer.start();
    const seeded: SeededStore = await seededStore();
    cleanups.push(() => fake.close(), () => socket.close(), () => seeded.close());
    fake.socketModeUrl = socket.url;
    const logs: string[] = [];
    const slack: SlackApp = createSlackApp({
      botToken: fake.botToken,
      mode: { kind: 'socket', appToken: fake.appToken },
      apiUrl: fake.apiUrl,
      logger: createLogger({ level: 'debug', secrets: [fake.botToken, fake.appToken], destination: { write: (l: string) => logs.push(l) } }),
      deps: createCommandDeps({ store: seeded.store, config: { WIREBRIEF_TIMEZONE: 'UTC', WIREBRIEF_ADMINS: [], WIREBRIEF_SEEDS_DIR: 'seeds', WIREBRIEF_USER_AGENT: 'Wirebrief-test' } }),
      botId: fake.botId,
      botUserId: fake.botUserId,
    });
    await slack.start();
    cleanups.unshift(() => slack.stop());
    expect(fake.callsTo('apps.connections.open').map((c) => c.outcome)).toEqual(['ok']);
    expect(socket.sockets).toHaveLength(1);

    const responseUrl = fake.responseUrl();
    socket.deliver('env-1', 'slash_commands', {
      command: '/news',
      text: 'missile',
      user_id: 'UMEMBER',
      channel_id: 'C0GENERAL',
      team_id: fake.teamId,
      response_url: responseUrl,
      trigger_id: 't',
      api_app_id: 'AFAKE',
    });
    await eventually(() => socket.acks.find((a) => a.envelope_id === 'env-1'));
    const answer = await eventually(() => fake.responses[0]);
    expect(answer.accepted).toBe(true);
    expect(JSON.stringify(answer.body)).toContain(seeded.seedIds[0]);
    expect(logs.join('\n')).not.toContain(fake.appToken);
  });
});
