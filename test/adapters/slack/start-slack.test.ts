import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/adapters/logger.js';
import { slackModeFrom, startSlack } from '../../../src/adapters/slack/start-slack.js';
import { loadConfig } from '../../../src/config.js';
import type { CommandDeps } from '../../../src/commands/types.js';

describe('Slack start-up from configuration', () => {
  it('chooses Socket Mode when an app token is set, else HTTP mode on PORT', () => {
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 'sec' });
    expect(slackModeFrom(socket)).toEqual({ kind: 'socket', appToken: 'xapp-1' });
    const http = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'sec', PORT: '8080' });
    expect(slackModeFrom(http)).toEqual({ kind: 'http', signingSecret: 'sec', port: 8080, host: '0.0.0.0' });
  });

  it('names the variables to set when neither mode is configured', () => {
    expect(() => slackModeFrom(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }))).toThrow(/SLACK_APP_TOKEN .* SLACK_SIGNING_SECRET/);
  });

  it('stays off without SLACK_BOT_TOKEN', async () => {
    const logger = createLogger({ level: 'silent', secrets: [] });
    await expect(startSlack(loadConfig({}), { deps: {} as CommandDeps, logger })).resolves.toBeUndefined();
  });
});

describe('redacting logger', () => {
  it('scrubs token shapes and configured secrets from messages, fields and errors', () => {
    const lines: string[] = [];
    const secret = 'plain-signing-secret-123';
    const logger = createLogger({ level: 'info', secrets: [secret], destination: { write: (l: string) => lines.push(l) } });
    logger.info({ headers: { authorization: 'Bearer xoxb-123-456-abc' }, token: 'xoxb-123-456-abc' }, 'calling with xoxb-123-456-abc');
    logger.error({ err: new Error(`bad secret ${secret} and xapp-1-A1-2-ff`) }, 'failed');
    const out = lines.join('');
    expect(out).toContain('calling with [redacted]');
    expect(out).not.toMatch(/xoxb-|xapp-|plain-signing-secret/);
  });
});
