import { PermissionFlagsBits, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import type { StoryId } from '../../core/article.js';
import type { CommandContext, CommandInput, CommandName } from '../../commands/types.js';

const commandNames: ReadonlySet<string> = new Set<CommandName>(['digest', 'article', 'quote', 'news', 'wirebrief']);

export function isCommandName(name: string): name is CommandName {
  return commandNames.has(name);
}

/**
 * Who asked, where, and with what authority. Manage Server is read from the member's permissions in this
 * interaction (Discord computes them per channel), so a role override that hides /wirebrief from the
 * picker cannot be bypassed by an old client: the command itself checks again.
 */
export function commandContext(interaction: Interaction, threadStoryId: StoryId | undefined): CommandContext {
  return {
    platform: 'discord',
    workspaceId: interaction.guildId ?? 'dm',
    channelId: interaction.channelId ?? 'unknown',
    userId: interaction.user.id,
    isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    ...(threadStoryId ? { threadStoryId } : {}),
  };
}

/**
 * The typed options become the text the platform-neutral commands parse, in the order they parse it
 * (`/wirebrief subscribe <cron> [time zone] [max stories] [topic]`, `/wirebrief sources add <url>`), so Discord
 * and Slack share one parser.
 */
export function commandText(interaction: ChatInputCommandInteraction): string {
  const options = interaction.options;
  switch (interaction.commandName) {
    case 'digest':
      return options.getString('topic') ?? '';
    case 'article':
    case 'quote':
      return options.getString('query') ?? '';
    case 'news':
      return options.getString('words') ?? '';
    default: {
      const sub = options.getSubcommand(false) ?? 'help';
      const args = [options.getString('schedule'), options.getString('timezone'), options.getInteger('max_stories'), options.getString('topic'), options.getString('id')];
      // The option's name is the action: `add: <url>` is `sources add <url>` (both at once get the usage answer).
      const changes = (['add', 'remove'] as const).flatMap((action) => {
        const target = options.getString(action);
        return target === null ? [] : [action, target];
      });
      return [sub, ...args.filter((a) => a !== null).map(String), ...changes].join(' ');
    }
  }
}

export function commandInput(interaction: ChatInputCommandInteraction, name: CommandName, threadStoryId: StoryId | undefined): CommandInput {
  return { name, text: commandText(interaction), ctx: commandContext(interaction, threadStoryId) };
}
