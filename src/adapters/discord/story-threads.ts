import { ChannelType, PermissionFlagsBits, type AnyThreadChannel, type ButtonInteraction, type Channel, type Message } from 'discord.js';
import type { StoryId } from '../../core/article.js';
import type { Reply } from '../../core/message.js';
import type { DiscordMessage } from '../../render/discord-types.js';
import { decodeAction } from '../../render/action-id.js';
import { missingPermissions, missingPermissionsText } from './discord-errors.js';
import { sendOptions } from './message-options.js';

const threadNameLimit = 100;
const threadNeeds = PermissionFlagsBits.CreatePublicThreads | PermissionFlagsBits.SendMessagesInThreads;

/** Discord thread names are 1-100 characters. */
export function threadName(headline: string): string {
  const name = headline.replace(/\s+/g, ' ').trim() || 'Story';
  return name.length <= threadNameLimit ? name : `${name.slice(0, threadNameLimit - 1)}…`;
}

function discussValues(message: Pick<Message, 'components'>): string[] {
  const rows = message.components.map((row) => row.toJSON() as { components?: { custom_id?: string }[] });
  return rows
    .flatMap((row) => row.components ?? [])
    .map((c) => (c.custom_id ? decodeAction(c.custom_id) : undefined))
    .filter((a) => a?.kind === 'discuss')
    .map((a) => a!.value);
}

/**
 * Which story each discussion thread belongs to. Threads this process created are remembered; any other
 * thread is recognised by its starter message, whose single *Discuss* button names the story, so the link
 * survives a restart without a table of its own.
 */
export class StoryThreads {
  readonly #storyOfThread = new Map<string, StoryId>();
  readonly #threadOfStory = new Map<string, string>();

  remember(channelId: string, storyId: StoryId, threadId: string): void {
    this.#storyOfThread.set(threadId, storyId);
    this.#threadOfStory.set(`${channelId}:${storyId}`, threadId);
  }

  existing(channelId: string, storyId: StoryId): string | undefined {
    return this.#threadOfStory.get(`${channelId}:${storyId}`);
  }

  async storyOf(channel: Channel | null): Promise<StoryId | undefined> {
    if (!channel?.isThread()) return undefined;
    const known = this.#storyOfThread.get(channel.id);
    if (known) return known;
    const starter = await channel.fetchStarterMessage().catch(() => null);
    const values = starter ? discussValues(starter) : [];
    if (values.length !== 1) return undefined;
    const storyId = values[0] as StoryId;
    if (channel.parentId) this.remember(channel.parentId, storyId, channel.id);
    return storyId;
  }

  /**
   * *Discuss*: links the story's thread, or starts it from the story's message (one thread per message, so a
   * message carrying several stories gets a standalone thread per story) and posts the story card in it.
   */
  async discuss(interaction: ButtonInteraction, storyId: StoryId, card: Reply, render: (reply: Reply) => readonly DiscordMessage[]): Promise<string> {
    const channel = interaction.channel;
    if (!channel || channel.isThread()) return 'This is already the story\'s discussion thread.';
    if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) return 'Discussions need a server text channel.';
    const linked = this.existing(channel.id, storyId) ?? (discussValues(interaction.message).length === 1 ? interaction.message.thread?.id : undefined);
    if (linked) {
      this.remember(channel.id, storyId, linked);
      return `The discussion is in <#${linked}>.`;
    }
    const missing = missingPermissions(interaction.appPermissions, threadNeeds);
    if (missing.length > 0) return missingPermissionsText(channel.id, missing);
    const name = threadName(card.summary);
    const thread: AnyThreadChannel =
      discussValues(interaction.message).length === 1 && !interaction.message.flags.has('Ephemeral')
        ? await interaction.message.startThread({ name })
        : await channel.threads.create({ name });
    this.remember(channel.id, storyId, thread.id);
    for (const message of render(card)) await thread.send(sendOptions(message));
    return `Started the discussion: <#${thread.id}>.`;
  }
}
