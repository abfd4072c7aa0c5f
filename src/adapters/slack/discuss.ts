import type { types, webApi } from '@slack/bolt';
import type { StoryId } from '../../core/article.js';
import type { Reply } from '../../core/message.js';
import { notice } from '../../commands/replies.js';
import { renderSlack } from '../../render/slack.js';
import { existingCard, storyCardEventType, storyRoot } from './story-threads.js';

export interface DiscussWhere {
  readonly client: webApi.WebClient;
  readonly channel: string;
  /** The channel message carrying the button, when it is one (not ephemeral). */
  readonly messageTs?: string;
  /** Set when that message itself sits in a thread. */
  readonly threadTs?: string;
}

/**
 * *Discuss*: the story's thread hangs off the digest message that carried it. The first press posts the
 * story card into that thread; later presses point to it instead of posting a second card.
 * Returns what to tell the person who pressed.
 */
export async function openDiscussion(card: Reply, storyId: StoryId, where: DiscussWhere): Promise<Reply> {
  const { client, channel } = where;
  const root = where.threadTs ?? where.messageTs ?? (await storyRoot(client, channel, storyId));
  const existing = root ? await existingCard(client, channel, root, storyId) : undefined;
  if (existing) {
    const link = await client.chat.getPermalink({ channel, message_ts: existing });
    return notice(`This story is already being discussed: ${link.permalink ?? 'see the thread under the digest'}`);
  }
  let posted: string | undefined;
  for (const message of renderSlack({ type: 'reply', reply: card })) {
    const result = await client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks as unknown as types.KnownBlock[],
      metadata: { event_type: storyCardEventType, event_payload: { story_id: storyId } },
      unfurl_links: false,
      ...(root ? { thread_ts: root } : {}),
    });
    posted ??= result.ts;
  }
  const link = posted ? await client.chat.getPermalink({ channel, message_ts: posted }) : undefined;
  return notice(`Discussion started: ${link?.permalink ?? 'see the thread'}`);
}
