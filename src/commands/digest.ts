import type { Reply } from '../core/message.js';
import { notice } from './replies.js';
import type { CommandContext, CommandDeps } from './types.js';

const onDemandStories = 5;

/** `/digest [topic]`: a fresh digest for the person asking; scheduled digests go through the scheduler. */
export async function digest(topic: string, ctx: CommandContext, deps: CommandDeps): Promise<Reply> {
  const composed = await deps.digests.composeNow({
    channel: { platform: ctx.platform, workspace: ctx.workspaceId, channel: ctx.channelId },
    ...(topic !== '' ? { topic } : {}),
    maxStories: onDemandStories,
    now: deps.clock.now(),
  });
  if (composed.stories.length === 0) {
    return notice(topic !== '' ? `No stories about "${topic}" yet.` : 'No stories yet: nothing has been ingested.');
  }
  return {
    visibility: 'ephemeral',
    summary: `${composed.title}: ${composed.stories.map((s) => s.headline).join(' · ')}`,
    blocks: [{ kind: 'heading', text: composed.title }, ...composed.stories.map((story) => ({ kind: 'story' as const, story }))],
  };
}
