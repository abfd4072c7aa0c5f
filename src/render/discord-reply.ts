import type { Block } from '../core/message.js';
import { colors, discordLink, discordMeasure, discordRows, discordText, embedSize } from './discord-format.js';
import { embedBudget } from './discord-marker.js';
import type { DiscordPiece } from './discord-piece.js';
import { discordQuoteLine, discordStoryPieces } from './discord-story.js';
import type { DiscordEmbed, DiscordEmbedField } from './discord-types.js';
import { escapeDiscord } from './escape.js';
import { discordLimits } from './limits.js';
import type { Unit } from './pack.js';
import { groupLines, pageText } from './text-fit.js';

type Field = { readonly label: string; readonly value: string };

/** Embeds holding all of `text`, paged at sentence boundaries; nothing is dropped. */
function pagedEmbeds(text: string, color?: number): DiscordEmbed[] {
  return pageText(text, discordLimits.embedDescription, discordMeasure).map((page) => ({ description: escapeDiscord(page), color }));
}

/** Embeds of at most 25 fields each, and small enough that any one of them fits a message with a title. */
function fieldEmbeds(fields: readonly Field[]): DiscordEmbed[] {
  const embeds: DiscordEmbed[] = [];
  let current: DiscordEmbedField[] = [];
  const budget = embedBudget - discordLimits.embedTitle;
  for (const field of fields) {
    const next = { name: discordText(field.label, discordLimits.fieldName), value: discordText(field.value, discordLimits.fieldValue), inline: true };
    const full = current.length === discordLimits.embedFields || embedSize({ fields: [...current, next] }) > budget;
    if (full) {
      embeds.push({ fields: current });
      current = [];
    }
    current.push(next);
  }
  if (current.length > 0) embeds.push({ fields: current });
  return embeds;
}

function listLine(item: { readonly title: string; readonly detail?: string }): string {
  const title = `• **${discordText(item.title, 300)}**`;
  return item.detail === undefined ? title : `${title} — ${discordText(item.detail, 600)}`;
}

function blockPieces(block: Exclude<Block, { kind: 'heading' }>): DiscordPiece[] {
  const embeds = (list: readonly DiscordEmbed[]): DiscordPiece[] => list.map((embed) => ({ embed }));
  switch (block.kind) {
    case 'text':
      return embeds(pagedEmbeds(block.text));
    case 'story':
      return discordStoryPieces(block.story);
    case 'quote':
      return embeds([{ description: discordQuoteLine(block.quote, { name: block.sourceName, url: block.url, articleId: block.quote.articleId }) }]);
    case 'fields':
      return embeds(fieldEmbeds(block.fields));
    case 'list':
      return embeds(groupLines(block.items.map(listLine), discordLimits.embedDescription).map((description) => ({ description })));
    case 'actions':
      return discordRows(block.actions).map((row) => ({ row }));
    case 'link':
      return embeds([{ description: discordLink(block.label, block.url) }]);
    case 'notice':
      return embeds(pagedEmbeds(block.text, colors[block.level]));
  }
}

/** A heading becomes the title of the embed that follows it (or an embed of its own when none does). */
function titled(pieces: readonly DiscordPiece[], title: string): DiscordPiece[] {
  const first = pieces[0];
  if (first?.embed !== undefined && first.embed.title === undefined) return [{ embed: { title, ...first.embed } }, ...pieces.slice(1)];
  return [{ embed: { title } }, ...pieces];
}

export function discordReplyUnits(blocks: readonly Block[]): Unit<DiscordPiece>[] {
  const units: Unit<DiscordPiece>[] = [];
  let heading: string | undefined;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      if (heading !== undefined) units.push({ pieces: titled([], heading) });
      heading = discordText(block.text, discordLimits.embedTitle);
      continue;
    }
    const pieces = blockPieces(block);
    units.push({ pieces: heading === undefined ? pieces : titled(pieces, heading), label: block.kind === 'story' ? block.story.headline : undefined });
    heading = undefined;
  }
  if (heading !== undefined) units.push({ pieces: titled([], heading) });
  return units;
}
