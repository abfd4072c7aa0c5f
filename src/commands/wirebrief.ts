import type { ChannelRef } from '../core/digest.js';
import type { Reply } from '../core/message.js';
import { notice } from './replies.js';
import { sourceChanges, sourceList, sources } from './sources.js';
import { allUsageLines, usage } from './usage.js';
import type { CommandContext, CommandDeps, SubscriptionRequest, SubscriptionView } from './types.js';

const adminOnly = new Set(['subscribe', 'unsubscribe']);

/** `/wirebrief <subcommand>`: subscriptions (admins), status, sources and help. */
export async function wirebrief(text: string, ctx: CommandContext, deps: CommandDeps): Promise<Reply> {
  const [sub = '', ...rest] = text.split(/\s+/).filter(Boolean);
  const name = sub.toLowerCase();
  const changing = adminOnly.has(name) ? name : name === 'sources' && sourceChanges.has((rest[0] ?? '').toLowerCase()) ? `${rest[0]!.toLowerCase()} sources` : undefined;
  if (changing && !(ctx.isAdmin || deps.admins.includes(ctx.userId))) {
    return notice(`Only workspace admins and owners, or people listed in WIREBRIEF_ADMINS, can ${changing}. Ask one of them.`, 'error');
  }
  const workspace = { platform: ctx.platform, workspace: ctx.workspaceId };
  switch (name) {
    case 'subscribe':
      return subscribe(rest, ctx, deps);
    case 'unsubscribe': {
      if (rest.length !== 1) return usage('wirebrief', 'Say which subscription to stop.', ctx.platform);
      const removed = await deps.subscriptions.unsubscribe(workspace, rest[0]!);
      return removed ? notice(`Subscription ${rest[0]} stopped.`) : notice(`No subscription ${rest[0]} in this workspace; /wirebrief subscriptions lists them.`, 'error');
    }
    case 'subscriptions':
      return listing('Subscriptions', await deps.subscriptions.list(workspace));
    case 'status': {
      const [count, subscriptions, sourceInfos] = await Promise.all([deps.articles.countArticles(), deps.subscriptions.list(workspace), deps.sources.list(workspace)]);
      const failing = sourceInfos.filter((s) => s.failing);
      const reply = listing('Status', subscriptions);
      const fields = [
        { label: 'Articles stored', value: String(count) },
        { label: 'Sources', value: failing.length > 0 ? `${sourceInfos.length} (${failing.length} failing)` : String(sourceInfos.length) },
      ];
      // Failing sources are listed with their last error, so the reason a story is missing is one command away.
      const failingBlocks: Reply['blocks'] = failing.length > 0 ? [{ kind: 'heading', text: 'Failing sources' }, sourceList(failing)] : [];
      return { ...reply, blocks: [reply.blocks[0]!, { kind: 'fields', fields }, ...reply.blocks.slice(1), ...failingBlocks] };
    }
    case 'sources':
      return sources(rest, workspace, deps);
    case 'help':
    case '':
      return { visibility: 'ephemeral', summary: 'Wirebrief commands', blocks: [{ kind: 'heading', text: 'Wirebrief commands' }, { kind: 'list', items: allUsageLines(ctx.platform).map((title) => ({ title })) }] };
    default:
      return usage('wirebrief', `Unknown subcommand "${sub}".`, ctx.platform);
  }
}

/** `<5 cron fields> [time zone] [max stories] [topic words…]`: a time zone has a slash (or is UTC). */
async function subscribe(args: readonly string[], ctx: CommandContext, deps: CommandDeps): Promise<Reply> {
  if (args.length < 5) return usage('wirebrief', 'A schedule needs the five cron fields, e.g. 0 8 * * 1-5 for weekdays at 08:00.', ctx.platform);
  let rest = args.slice(5);
  const timeZone = rest[0] !== undefined && (rest[0].includes('/') || rest[0].toUpperCase() === 'UTC') ? rest[0] : undefined;
  if (timeZone !== undefined) rest = rest.slice(1);
  const maxStories = rest[0] !== undefined && /^\d+$/.test(rest[0]) ? Number(rest[0]) : undefined;
  if (maxStories !== undefined) rest = rest.slice(1);
  const channel: ChannelRef = { platform: ctx.platform, workspace: ctx.workspaceId, channel: ctx.channelId };
  const request: SubscriptionRequest = {
    channel,
    cron: args.slice(0, 5).join(' '),
    ...(timeZone !== undefined ? { timeZone } : {}),
    ...(maxStories !== undefined ? { maxStories } : {}),
    ...(rest.length > 0 ? { topic: rest.join(' ') } : {}),
  };
  const result = await deps.subscriptions.subscribe(request);
  if (!result.ok) return usage('wirebrief', `Not subscribed: ${result.reason}`, ctx.platform);
  const s = result.subscription;
  return notice(`Subscribed (id ${s.id}): ${s.schedule}; up to ${s.maxStories} stories${s.topic ? ` about "${s.topic}"` : ''}.`, 'info', 'channel');
}

function listing(title: string, subscriptions: readonly SubscriptionView[]): Reply {
  if (subscriptions.length === 0) {
    return { visibility: 'ephemeral', summary: `${title}: no subscriptions`, blocks: [{ kind: 'heading', text: title }, { kind: 'text', text: 'No subscriptions in this workspace yet. An admin can add one with /wirebrief subscribe.' }] };
  }
  const items = subscriptions.map((s) => ({
    title: `${s.id}: ${s.cron} ${s.timeZone} in ${s.channel.channel}${s.topic ? ` about "${s.topic}"` : ''}`,
    detail: [
      s.status === 'active' ? s.schedule : `disabled: ${s.disabledReason ?? 'no reason recorded'}`,
      s.lastDelivery ? `last delivery ${s.lastDelivery}` : 'not delivered yet',
    ].join('; '),
  }));
  return { visibility: 'ephemeral', summary: `${title}: ${subscriptions.length} subscription(s)`, blocks: [{ kind: 'heading', text: title }, { kind: 'list', items }] };
}
