import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { scrubber } from '../src/adapters/scrub-secrets.js';
import { ConfigError, configVariables, loadConfig, secretValues } from '../src/config.js';

describe('loadConfig', () => {
  it('gives working defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.WIREBRIEF_DATA_DIR).toBe('./.wirebrief');
    expect(config.WIREBRIEF_MAX_STORIES).toBe(5);
    expect(config.SLACK_BOT_TOKEN).toBeUndefined();
  });

  it('names every variable that is wrong', () => {
    let error: unknown;
    try {
      loadConfig({ WIREBRIEF_MAX_STORIES: 'five', SLACK_BOT_TOKEN: 'xapp-wrong-kind', WIREBRIEF_TIMEZONE: 'Mars/Olympus' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('WIREBRIEF_MAX_STORIES');
    expect(message).toContain('SLACK_BOT_TOKEN');
    expect(message).toContain('WIREBRIEF_TIMEZONE');
    expect(message).not.toContain('xapp-wrong-kind');
  });

  it('never prints a token when the config is logged or serialised', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-very-secret', DISCORD_TOKEN: 'discord-secret' });
    expect(config.SLACK_BOT_TOKEN?.reveal()).toBe('xoxb-very-secret');
    const shown = `${JSON.stringify(config)} ${inspect(config)} ${String(config.DISCORD_TOKEN)}`;
    expect(shown).not.toContain('very-secret');
    expect(shown).not.toContain('discord-secret');
  });

  it('scrubs every secret it holds, a database password included, from any text', () => {
    const config = loadConfig({ SLACK_SIGNING_SECRET: 'shapeless-signing-secret', DATABASE_URL: 'postgres://bot:p%40ss-w0rd-42@127.0.0.1:5432/wb' });
    const scrub = scrubber(secretValues(config));
    const text = 'connect failed for bot:p@ss-w0rd-42 with shapeless-signing-secret and xoxb-123-abc';
    expect(scrub(text)).toBe('connect failed for bot:[redacted] with [redacted] and [redacted]');
  });

  it('listens on every interface unless HOST narrows it', () => {
    expect(loadConfig({}).HOST).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '127.0.0.1' }).HOST).toBe('127.0.0.1');
  });

  it('is documented: .env.example names exactly the variables Wirebrief reads', () => {
    const documented = readFileSync(new URL('../.env.example', import.meta.url), 'utf8').match(/^[A-Z][A-Z0-9_]*(?==)/gm) ?? [];
    expect([...documented].sort()).toEqual([...configVariables].sort());
  });
});
