import type { DiscordActionRow, DiscordEmbed } from './discord-types.js';

/** One packable element of a Discord message: an embed or an action row (they are limited separately). */
export type DiscordPiece = { readonly embed: DiscordEmbed; readonly row?: never } | { readonly row: DiscordActionRow; readonly embed?: never };
