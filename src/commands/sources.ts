import type { Block, Reply } from '../core/message.js';
import type { SourceNotice } from '../sources/feeds/source-poller.js';
import { notice } from './replies.js';
import { usage } from './usage.js';
import type { CommandDeps, SourceInfo, Workspace } from './types.js';

/** Changing sources is for the same people as subscriptions. */
export const sourceChanges: ReadonlySet<string> = new Set(['add', 'remove']);

/** `/wirebrief sources [add <url> | remove <id>]`: the workspace's sources, failing ones with their last error. */
export async function sources(args: readonly string[], workspace: Workspace, deps: CommandDeps): Promise<Reply> {
  const [action = '', target, ...extra] = args;
  switch (action.toLowerCase()) {
    case '': {
      const list = await deps.sources.list(workspace);
      if (list.length === 0) return notice('No sources are configured.');
      return { visibility: 'ephemeral', summary: `${list.length} source(s)`, blocks: [{ kind: 'heading', text: 'Sources' }, sourceList(list)] };
    }
    case 'add': {
      if (target === undefined || extra.length > 0) return usage('wirebrief', 'Say which feed or article to add.', workspace.platform);
      const added = await deps.sources.add(workspace, target);
      if (!added.ok) return notice(`Not added: ${added.reason}`, 'error');
      const preview = added.preview.length > 0 ? ` First items: ${added.preview.join(' · ')}` : '';
      return notice(added.added ? `Added ${added.name} as ${added.id}.${preview}` : `${added.name} is already a source (${added.id}).`);
    }
    case 'remove': {
      if (target === undefined || extra.length > 0) return usage('wirebrief', 'Say which source to remove.', workspace.platform);
      const removed = await deps.sources.remove(workspace, target);
      return removed ? notice(`Source ${target} removed.`) : notice(`No source ${target} in this workspace; /wirebrief sources lists them.`, 'error');
    }
    default:
      return usage('wirebrief', `Unknown sources action "${action}".`, workspace.platform);
  }
}

export function sourceList(list: readonly SourceInfo[]): Block {
  return {
    kind: 'list',
    items: list.map((s) => ({ title: s.failing ? `${s.name} (FAILING)` : s.name, detail: s.failing ? `${s.detail}; failed ${s.failing.failures} times in a row: ${s.failing.lastError}` : s.detail })),
  };
}

/** What the channels using a source are told when it starts failing and when it works again. */
export function sourceNoticeText(n: SourceNotice): string {
  return n.kind === 'failing' ? `Source ${n.location} is failing (${n.failures} times in a row): ${n.reason}` : `Source ${n.location} works again.`;
}

export function sourceNoticeReply(n: SourceNotice): Reply {
  return notice(sourceNoticeText(n), n.kind === 'failing' ? 'error' : 'info', 'channel');
}
