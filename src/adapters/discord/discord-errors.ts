import { DiscordAPIError, HTTPError, PermissionFlagsBits, PermissionsBitField, RateLimitError, RESTJSONErrorCodes } from 'discord.js';
import { DeliveryError } from '../../scheduler/delivery-error.js';

/** Human names for the permissions the bot asks for (and so may be missing). */
const permissionNames: ReadonlyArray<readonly [bigint, string]> = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
  [PermissionFlagsBits.ReadMessageHistory, 'Read Message History'],
  [PermissionFlagsBits.CreatePublicThreads, 'Create Public Threads'],
  [PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Threads'],
];

/** The names of the `needed` permissions that `granted` lacks, e.g. ["Embed Links"]. */
export function missingPermissions(granted: PermissionsBitField | bigint | null | undefined, needed: bigint): string[] {
  if (granted === null || granted === undefined) return [];
  const bits = new PermissionsBitField(granted);
  return permissionNames.filter(([bit]) => (needed & bit) !== 0n && !bits.has(bit)).map(([, name]) => name);
}

export function missingPermissionsText(channelId: string, missing: readonly string[]): string {
  const what = missing.length > 0 ? missing.join(', ') : 'a permission it needs (check View Channel, Send Messages and Embed Links)';
  return `The bot lacks ${what} in <#${channelId}>. A server admin can grant it in the channel's settings (Permissions).`;
}

/**
 * Turns whatever discord.js threw into the scheduler's vocabulary. @discordjs/rest has already waited out
 * 429s and retried 5xx by the time an error reaches us, so what remains is either an outage (try later)
 * or a fact about the channel that retrying cannot change (disable the subscription with the reason).
 */
export function deliveryErrorFrom(error: unknown, channelId: string, missing: () => readonly string[]): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof RateLimitError) return DeliveryError.transient(`Discord rate limit on ${error.route}`, error.retryAfter, error);
  if (error instanceof HTTPError) return DeliveryError.transient(`Discord answered ${error.status} ${error.name}`, undefined, error);
  if (error instanceof DiscordAPIError) {
    switch (error.code) {
      case RESTJSONErrorCodes.UnknownChannel:
        return DeliveryError.permanent(`Discord channel ${channelId} no longer exists or the bot cannot see it (Unknown Channel)`, error);
      case RESTJSONErrorCodes.UnknownGuild:
        return DeliveryError.permanent(`the bot is no longer in the server of channel ${channelId}`, error);
      case RESTJSONErrorCodes.MissingAccess:
      case RESTJSONErrorCodes.MissingPermissions:
        return DeliveryError.permanent(missingPermissionsText(channelId, missing()), error);
      default:
        if (error.status >= 500) return DeliveryError.transient(`Discord answered ${error.status}`, undefined, error);
        if (error.status === 429) return DeliveryError.transient('Discord rate limit', undefined, error);
        // A 4xx other than the above is a message Discord will never accept (a renderer bug): retrying
        // would post nothing forever, so the subscription stops with the reason shown in /wirebrief status.
        return DeliveryError.permanent(`Discord rejected the message: ${error.message} (code ${String(error.code)})`, error);
    }
  }
  return DeliveryError.transient(error instanceof Error ? error.message : String(error), undefined, error);
}
