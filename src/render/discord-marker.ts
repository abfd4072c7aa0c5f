import type { DiscordMessage } from './discord-types.js';
import { discordLimits } from './limits.js';

/**
 * Room every rendered Discord message leaves free in the 6000-character embed budget, for the marker the digest
 * transport adds (src/adapters/discord/delivery-marker.ts). Discord returns no nonce when messages are fetched
 * later, so the marker is how a restarted process finds which parts of a digest are already posted; a message
 * the renderer filled to the brim would otherwise have to go out unmarked, and could be posted twice.
 */
export const markerRoom = 48;

/** What the embeds of one rendered message may add up to. */
export const embedBudget = discordLimits.embedTotal - markerRoom;

/**
 * `message` with `marker` (at most `markerRoom` characters) as the footer of its last embed, or of an embed of its
 * own when it has none. The renderer sets no footers, so nothing is overwritten, and the footer limit (2048) is
 * far above the marker's length.
 */
export function withMarker(message: DiscordMessage, marker: string): DiscordMessage {
  const embeds = message.embeds.length > 0 ? message.embeds : [{}];
  return { ...message, embeds: [...embeds.slice(0, -1), { ...embeds.at(-1), footer: { text: marker } }] };
}
