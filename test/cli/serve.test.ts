import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { formContentType, sendSigned, slashCommandBody } from '../fakes/slack/signed-request.js';
import { eventually } from '../adapters/slack/harness.js';

const root = join(import.meta.dirname, '..', '..');

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

describe('wirebrief serve (Slack, HTTP mode)', () => {
  let fake: FakeSlack;
  let dataDir: string;
  beforeAll(async () => {
    fake = await FakeSlack.start();
    dataDir = mkdtempSync(join(tmpdir(), 'wirebrief-serve-'));
  });
  afterAll(async () => {
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts from the environment alone, answers a signed slash command, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const secret = 'serve-test-signing-secret';
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        WIREBRIEF_DATA_DIR: dataDir,
        WIREBRIEF_DIGESTS_DIR: join(dataDir, 'digests'),
        WIREBRIEF_SEEDS_DIR: join(root, 'seeds'),
        SLACK_BOT_TOKEN: fake.botToken,
        SLACK_SIGNING_SECRET: secret,
        SLACK_API_URL: fake.apiUrl.replace(/\/$/, ''),
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = once(child, 'exit');
    try {
      await eventually(() => (output.includes('Slack app started') ? true : undefined));
      const body = slashCommandBody({ command: '/news', text: 'missile', userId: 'UMEMBER', channelId: 'C0GENERAL', teamId: fake.teamId, responseUrl: fake.responseUrl() });
      const answer = await sendSigned(`http://127.0.0.1:${port}/slack/events`, body, formContentType, { signingSecret: secret });
      expect(answer.status).toBe(200);
      const response = await eventually(() => fake.responses[0]);
      expect(response.accepted).toBe(true);
      expect(JSON.stringify(response.body)).toContain('missile');
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code).toBe(0);
    expect(output).not.toContain(fake.botToken);
    expect(output).not.toContain(secret);
  });
});
