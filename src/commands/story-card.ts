import type { StoryId } from '../core/article.js';
import type { Reply } from '../core/message.js';
import { notice } from './replies.js';
import type { CommandDeps } from './types.js';

/** The card a story's discussion thread starts with: posted for everyone, so visibility is channel. */
export async function storyCard(storyId: StoryId, deps: CommandDeps): Promise<Reply> {
  const story = await deps.digests.storyCard(storyId, deps.clock.now());
  if (!story) return notice(`Story ${storyId} is no longer stored.`, 'error');
  return { visibility: 'channel', summary: story.headline, blocks: [{ kind: 'story', story }] };
}
