import type { Digest } from '../core/digest.js';
import type { Outgoing, Reply } from '../core/message.js';
import { discordText, embedSize } from './discord-format.js';
import { embedBudget } from './discord-marker.js';
import type { DiscordPiece } from './discord-piece.js';
import { discordReplyUnits } from './discord-reply.js';
import { discordStoryPieces } from './discord-story.js';
import type { DiscordActionRow, DiscordEmbed, DiscordMessage } from './discord-types.js';
import { discordLimits } from './limits.js';
import { packUnits, type Packed, type Unit } from './pack.js';
import { digestDate, partTitle, replyBlocks, storyCount } from './story-parts.js';

export type { DiscordActionRow, DiscordButton, DiscordEmbed, DiscordEmbedField, DiscordMessage } from './discord-types.js';

function fits(pieces: readonly DiscordPiece[]): boolean {
  const embeds = pieces.flatMap((piece) => (piece.embed === undefined ? [] : [piece.embed]));
  const rows = pieces.length - embeds.length;
  const size = embeds.reduce((sum, embed) => sum + embedSize(embed), 0);
  return embeds.length <= discordLimits.embedsPerMessage && rows <= discordLimits.actionRows && size <= embedBudget;
}

/** Discord rejects repeated custom_ids in one message: a button already shown in this message is dropped. */
function uniqueRows(rows: readonly DiscordActionRow[]): DiscordActionRow[] {
  const seen = new Set<string>();
  return rows
    .map((row) => ({ type: row.type, components: row.components.filter((b) => !seen.has(b.custom_id) && seen.add(b.custom_id)) }))
    .filter((row) => row.components.length > 0);
}

function messages(packed: readonly Packed<DiscordPiece>[], content: (index: number) => string): DiscordMessage[] {
  return packed.map((message, index) => {
    const embeds: DiscordEmbed[] = [];
    const rows: DiscordActionRow[] = [];
    for (const piece of message.pieces) {
      if (piece.embed !== undefined) embeds.push(piece.embed);
      else rows.push(piece.row);
    }
    return { content: content(index), embeds, components: uniqueRows(rows), allowed_mentions: { parse: [] } };
  });
}

function renderDigest(digest: Digest): DiscordMessage[] {
  const units: Unit<DiscordPiece>[] = digest.stories.map((story, i) => ({ pieces: discordStoryPieces(story, i + 1), label: story.headline }));
  const packed = packUnits(units, fits);
  const total = Math.max(packed.length, 1);
  const content = (index: number): string => {
    const title = `**${discordText(partTitle(digest.title, index, total), 200)}**`;
    return index === 0 ? `${title} · ${digestDate(digest.composedAt)} · ${storyCount(digest.stories.length)}` : title;
  };
  // An empty digest still says so, rather than sending nothing.
  return packed.length === 0 ? messages([{ pieces: [], labels: [] }], content) : messages(packed, content);
}

function renderReply(reply: Reply): DiscordMessage[] {
  const packed = packUnits(discordReplyUnits(replyBlocks(reply)), fits);
  const summary = discordText(reply.summary, discordLimits.content - 10);
  return messages(packed, (index) => partTitle(summary, index, packed.length));
}

/**
 * Discord messages (content, embeds, buttons) for a reply or a digest: as many as the limits need, split
 * between stories (or reply blocks); every one carries `allowed_mentions: { parse: [] }`.
 */
export function renderDiscord(out: Outgoing): DiscordMessage[] {
  return out.type === 'digest' ? renderDigest(out.digest) : renderReply(out.reply);
}
