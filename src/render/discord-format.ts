import type { SourceRef } from '../core/digest.js';
import type { Action } from '../core/message.js';
import { isLinkableUrl } from '../core/web-link.js';
import { encodeAction } from './action-id.js';
import type { DiscordActionRow, DiscordButton, DiscordEmbed } from './discord-types.js';
import { escapeDiscord } from './escape.js';
import { discordLimits } from './limits.js';
import { shorten, type Measure } from './text-fit.js';

/** Length of plain text once escaped for Discord markdown: the unit every Discord limit is checked in. */
export const discordMeasure: Measure = (text) => escapeDiscord(text).length;

/** Escaped article text, cut at a word boundary to `max` characters after escaping. */
export function discordText(text: string, max: number): string {
  return escapeDiscord(shorten(text, max, discordMeasure));
}

/** What an embed adds to the 6000-character budget Discord counts over all embeds of a message. */
export function embedSize(embed: DiscordEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + fields + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
}

export const colors = { story: 0x5865f2, updated: 0xf0a020, info: 0x3b88c3, error: 0xd83c3e } as const;

/** `name` (plain text), as a masked link when `url` is linkable (markup characters percent-encoded so the link holds). */
export function discordLink(name: string, url: string | undefined): string {
  const text = discordText(name, 200);
  if (!isLinkableUrl(url)) return text;
  return `[${text}](${url.replace(/[()<>|[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`;
}

export function discordSource(source: SourceRef): string {
  return discordLink(source.name, source.url);
}

function button(action: Action, labelPrefix: string): DiscordButton {
  const label = shorten(`${labelPrefix}${action.label}`, discordLimits.buttonLabel);
  return { type: 2, style: action.kind === 'article' ? 1 : 2, label, custom_id: encodeAction(action) };
}

/** Action rows of at most five buttons; `labelPrefix` tells apart the buttons of several stories. */
export function discordRows(actions: readonly Action[], labelPrefix = ''): DiscordActionRow[] {
  const rows: DiscordActionRow[] = [];
  for (let i = 0; i < actions.length; i += discordLimits.buttonsPerRow) {
    rows.push({ type: 1, components: actions.slice(i, i + discordLimits.buttonsPerRow).map((a) => button(a, labelPrefix)) });
  }
  return rows;
}
