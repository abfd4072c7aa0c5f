import type { Reply } from '../core/message.js';
import type { CommandName, Platform } from './types.js';

/**
 * What each command accepts, as each platform has it typed: Slack takes the words after the command, Discord
 * named options. Shown when the arguments are missing or unusable, and by `/wirebrief help`.
 */
interface UsageEntry {
  readonly slack: string;
  readonly discord: string;
  readonly what: string;
}

const entries: Record<CommandName, readonly UsageEntry[]> = {
  digest: [{ slack: '/digest [topic]', discord: '/digest [topic:]', what: 'a digest of the latest stories now, optionally only those about a topic' }],
  article: [{ slack: '/article <id or words>', discord: '/article query:<id or words>', what: 'the full text of an article, paged' }],
  quote: [{ slack: '/quote <id, speaker or words>', discord: '/quote query:<id, speaker or words>', what: 'exact quotes, with who said them and where' }],
  news: [{ slack: '/news <words>', discord: '/news words:<words>', what: 'search the stored articles' }],
  wirebrief: [
    {
      slack: '/wirebrief subscribe <cron> [time zone] [max stories] [topic]',
      discord: '/wirebrief subscribe schedule:<cron> [timezone:] [max_stories:] [topic:]',
      what: 'post digests here on a schedule (admins)',
    },
    { slack: '/wirebrief unsubscribe <id>', discord: '/wirebrief unsubscribe id:<id>', what: 'stop a subscription (admins)' },
    { slack: '/wirebrief subscriptions', discord: '/wirebrief subscriptions', what: 'the subscriptions of this {place}' },
    { slack: '/wirebrief status', discord: '/wirebrief status', what: "articles stored, failing sources, and each subscription's last delivery and next run" },
    { slack: '/wirebrief sources', discord: '/wirebrief sources', what: 'where the articles come from, failing ones with their last error' },
    {
      slack: '/wirebrief sources add <url>',
      discord: '/wirebrief sources add:<url>',
      what: 'add a feed (RSS, Atom, JSON Feed) or an article URL for this {place} (admins)',
    },
    { slack: '/wirebrief sources remove <id>', discord: '/wirebrief sources remove:<id>', what: "remove one of this {place}'s sources (admins)" },
    { slack: '/wirebrief help', discord: '/wirebrief help', what: 'this list' },
  ],
};

export function usageLines(name: CommandName, platform: Platform): string[] {
  // Discord calls a workspace a server.
  const place = platform === 'discord' ? 'server' : 'workspace';
  return entries[name].map((e) => `${platform === 'discord' ? e.discord : e.slack}: ${e.what.replace('{place}', place)}`);
}

/** Every command's usage, for `/wirebrief help`. */
export function allUsageLines(platform: Platform): string[] {
  return (Object.keys(entries) as CommandName[]).flatMap((name) => usageLines(name, platform));
}

/** The longest argument text a command accepts; longer input is a mistake (a paste), not a query. */
export const maxArgumentLength = 1000;

export function usage(name: CommandName, problem: string, platform: Platform): Reply {
  const text = `${problem}\nUsage:\n${usageLines(name, platform).join('\n')}`;
  return { visibility: 'ephemeral', summary: problem, blocks: [{ kind: 'notice', level: 'error', text }] };
}
