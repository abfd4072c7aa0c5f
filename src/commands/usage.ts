import type { Reply } from '../core/message.js';
import type { CommandName } from './types.js';

/** What each command accepts; shown when the arguments are missing or unusable, and by `/wirebrief help`. */
export const usageLines: Record<CommandName, readonly string[]> = {
  digest: ['/digest [topic]: a digest of the latest stories now, optionally only those about a topic'],
  article: ['/article <id or words>: the full text of an article, paged'],
  quote: ['/quote <id, speaker or words>: exact quotes, with who said them and where'],
  news: ['/news <words>: search the stored articles'],
  wirebrief: [
    '/wirebrief subscribe <cron> [time zone] [max stories] [topic]: post digests here on a schedule (admins)',
    '/wirebrief unsubscribe <id>: stop a subscription (admins)',
    '/wirebrief subscriptions: the subscriptions of this workspace',
    '/wirebrief status: articles stored, failing sources, and each subscription\'s last delivery and next run',
    '/wirebrief sources: where the articles come from, failing ones with their last error',
    '/wirebrief sources add <url>: add a feed (RSS, Atom, JSON Feed) or an article URL for this workspace (admins)',
    '/wirebrief sources remove <id>: remove one of this workspace\'s sources (admins)',
    '/wirebrief help: this list',
  ],
};

/** The longest argument text a command accepts; longer input is a mistake (a paste), not a query. */
export const maxArgumentLength = 1000;

export function usage(name: CommandName, problem: string): Reply {
  const text = `${problem}\nUsage:\n${usageLines[name].join('\n')}`;
  return { visibility: 'ephemeral', summary: problem, blocks: [{ kind: 'notice', level: 'error', text }] };
}
