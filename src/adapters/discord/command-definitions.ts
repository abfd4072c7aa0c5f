import {
  ApplicationCommandOptionType as Option,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody as CommandJson,
} from 'discord.js';
import { maxStoriesLimit } from '../../core/subscription.js';

/**
 * Every slash command Wirebrief offers on Discord, as the data `PUT /applications/:id/commands` takes.
 * Guild-only (subscriptions and threads belong to a server). Option names here are read back by
 * interaction-input.ts, which turns them into the text the platform-neutral commands parse.
 */
const guildOnly: Pick<CommandJson, 'contexts'> = { contexts: [InteractionContextType.Guild] };

export const discordCommands: readonly CommandJson[] = [
  {
    name: 'digest',
    description: 'A digest of the latest stories, now',
    options: [{ type: Option.String, name: 'topic', description: 'Only stories about this (words, or source:NAME)', max_length: 200 }],
    ...guildOnly,
  },
  {
    name: 'article',
    description: 'The full text of an article, paged',
    options: [{ type: Option.String, name: 'query', description: 'Article id or words from its title', required: true, autocomplete: true, max_length: 200 }],
    ...guildOnly,
  },
  {
    name: 'quote',
    description: 'Exact quotes, with who said them and where',
    // Optional: inside a story's thread, /quote alone lists that story's quotes.
    options: [{ type: Option.String, name: 'query', description: 'Article id, speaker or words (in a story thread: optional)', autocomplete: true, max_length: 200 }],
    ...guildOnly,
  },
  {
    name: 'news',
    description: 'Search the stored articles',
    options: [{ type: Option.String, name: 'words', description: 'What to look for', required: true, max_length: 200 }],
    ...guildOnly,
  },
  {
    name: 'wirebrief',
    description: 'Subscriptions, status and sources (subscribing needs Manage Server)',
    // Hidden from members without Manage Server; the command re-checks the invoker's permissions on use,
    // because a server can override this default for any role.
    default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
    options: [
      {
        type: Option.Subcommand,
        name: 'subscribe',
        description: 'Post digests in this channel on a schedule',
        options: [
          { type: Option.String, name: 'schedule', description: 'Five cron fields, e.g. 0 8 * * 1-5', required: true, max_length: 100 },
          { type: Option.String, name: 'timezone', description: 'IANA time zone, e.g. Europe/Berlin', max_length: 64 },
          { type: Option.Integer, name: 'max_stories', description: 'Stories per digest', min_value: 1, max_value: maxStoriesLimit },
          { type: Option.String, name: 'topic', description: 'Only stories about this (words, or source:NAME)', max_length: 200 },
        ],
      },
      {
        type: Option.Subcommand,
        name: 'unsubscribe',
        description: 'Stop a subscription',
        options: [{ type: Option.String, name: 'id', description: 'The subscription id (see /wirebrief subscriptions)', required: true, max_length: 64 }],
      },
      { type: Option.Subcommand, name: 'subscriptions', description: 'The subscriptions of this server' },
      { type: Option.Subcommand, name: 'status', description: 'Articles stored, last and next deliveries' },
      {
        type: Option.Subcommand,
        name: 'sources',
        description: 'Where the articles come from; add or remove a feed or article URL (Manage Server)',
        // Options rather than a subcommand group: a group would take `/wirebrief sources` alone away.
        options: [
          { type: Option.String, name: 'add', description: 'A feed (RSS, Atom, JSON Feed) or article URL to add', max_length: 500 },
          { type: Option.String, name: 'remove', description: 'The URL or id of a source to remove (see /wirebrief sources)', max_length: 500 },
        ],
      },
      { type: Option.Subcommand, name: 'help', description: 'Every Wirebrief command' },
    ],
    ...guildOnly,
  },
];
