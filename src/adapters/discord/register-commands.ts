import { OAuth2Scopes, PermissionFlagsBits, REST, Routes } from 'discord.js';
import { discordCommands } from './command-definitions.js';

/** What the bot needs in a channel: read it, post embeds, start and post in story threads. */
export const botPermissions =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.ReadMessageHistory;

export function inviteUrl(applicationId: string): string {
  const url = new URL('https://discord.com/oauth2/authorize');
  url.searchParams.set('client_id', applicationId);
  url.searchParams.set('scope', [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '));
  url.searchParams.set('permissions', botPermissions.toString());
  return url.toString();
}

export interface RegisterOptions {
  readonly token: string;
  readonly applicationId: string;
  /** Register in one server (updates instantly) instead of globally (for production). */
  readonly guildId?: string;
  /** Base URL of the API, e.g. a test server; discord.js adds /v10. */
  readonly apiUrl?: string;
}

export interface RegisterResult {
  readonly scope: 'global' | 'guild';
  readonly names: readonly string[];
}

/** Bulk-overwrites the commands: idempotent, and removes commands that no longer exist. */
export async function registerCommands(options: RegisterOptions): Promise<RegisterResult> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const saved = (await rest.put(route, { body: discordCommands })) as { name: string }[];
  return { scope: options.guildId ? 'guild' : 'global', names: saved.map((c) => c.name) };
}
