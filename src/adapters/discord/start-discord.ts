import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Config } from '../../config.js';
import { DiscordDigestTransport } from './digest-transport.js';
import { InteractionHandler, type InteractionDeps } from './interaction-handler.js';
import { redact, redactText } from './redact.js';

export interface DiscordBot {
  readonly client: Client;
  readonly transport: DiscordDigestTransport;
  readonly interactions: InteractionHandler;
  stop(): Promise<void>;
}

/**
 * The least the bot needs: Guilds (channels, threads, roles for permission checks). No message content,
 * no members: every command arrives as an interaction.
 */
export function createDiscordClient(apiUrl: string | undefined): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    // Nothing the bot posts may ping anyone, whatever an article contains.
    allowedMentions: { parse: [] },
    rest: apiUrl ? { api: apiUrl } : {},
  });
}

/** Logs in over the gateway, answers interactions and returns the transport the scheduler posts through. */
export async function startDiscord(config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_API_URL'>, deps: InteractionDeps): Promise<DiscordBot> {
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set: the Discord bot needs its bot token (Developer Portal → Bot → Reset Token).');
  const client = createDiscordClient(config.DISCORD_API_URL);
  const interactions = new InteractionHandler(deps);
  interactions.attach(client);
  client.on(Events.Error, (error) => deps.log('discord: client error', { error: redact(error) }));
  client.on(Events.ShardDisconnect, (event, shard) => deps.log('discord: gateway disconnected', { code: event.code, shard }));
  client.on(Events.ShardResume, (shard, replayed) => deps.log('discord: gateway resumed', { shard, replayed }));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(config.DISCORD_TOKEN.reveal());
    await ready;
  } catch (error) {
    await client.destroy();
    throw new Error(`Discord login failed: ${error instanceof Error ? redactText(error.message) : String(error)}`, { cause: error });
  }
  return {
    client,
    transport: new DiscordDigestTransport(client, deps.render),
    interactions,
    stop: () => client.destroy(),
  };
}
