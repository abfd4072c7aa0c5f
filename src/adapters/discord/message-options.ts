import { MessageFlags, type APIEmbed, type BaseMessageOptions } from 'discord.js';
import type { Reply } from '../../core/message.js';
import type { DiscordMessage } from '../../render/discord-types.js';

/** A rendered message as discord.js options; mentions are never parsed, whatever the text contains. */
export function sendOptions(message: DiscordMessage): BaseMessageOptions {
  return {
    content: message.content ?? '',
    // Our embed shape is a subset of APIEmbed with readonly fields.
    embeds: message.embeds.map((embed) => ({ ...embed, ...(embed.fields ? { fields: [...embed.fields] } : {}) }) as APIEmbed),
    components: message.components.map((row) => ({ ...row, components: [...row.components] })),
    allowedMentions: { parse: [] },
  };
}

export function replyOptions(message: DiscordMessage, visibility: Reply['visibility']): BaseMessageOptions & { flags?: MessageFlags.Ephemeral } {
  return { ...sendOptions(message), ...(visibility === 'ephemeral' ? { flags: MessageFlags.Ephemeral } : {}) };
}
