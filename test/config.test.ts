import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

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
});
