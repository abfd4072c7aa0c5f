import type { webApi } from '@slack/bolt';
import type { StoryId } from '../../core/article.js';
import { digestEventType } from './slack-transport.js';

/** A story card posted by *Discuss* carries this metadata, so its thread can be found and attributed later. */
export const storyCardEventType = 'wirebrief_story_card';

interface MetadataMessage {
  readonly ts?: string;
  readonly metadata?: { readonly event_type?: string; readonly event_payload?: Record<string, unknown> };
}

const storyOfCard = (m: MetadataMessage): string | undefined =>
  m.metadata?.event_type === storyCardEventType && typeof m.metadata.event_payload?.story_id === 'string' ? m.metadata.event_payload.story_id : undefined;

/** The story a thread discusses: the one whose card Wirebrief posted in it. */
export async function threadStory(client: webApi.WebClient, channel: string, threadTs: string): Promise<StoryId | undefined> {
  const thread = await client.conversations.replies({ channel, ts: threadTs, include_all_metadata: true, limit: 100 });
  const card = (thread.messages ?? []).map((m) => storyOfCard(m as MetadataMessage)).find((s) => s !== undefined);
  return card as StoryId | undefined;
}

/** The story card already in `root`'s thread, if *Discuss* was pressed before. */
export async function existingCard(client: webApi.WebClient, channel: string, root: string, storyId: StoryId): Promise<string | undefined> {
  const thread = await client.conversations.replies({ channel, ts: root, include_all_metadata: true, limit: 100 });
  return (thread.messages ?? []).find((m) => storyOfCard(m as MetadataMessage) === storyId)?.ts;
}

/**
 * Where a story's thread belongs when the button did not sit on a channel message (an ephemeral /digest):
 * the latest digest in the channel that carried the story, else a card posted earlier at the top level.
 */
export async function storyRoot(client: webApi.WebClient, channel: string, storyId: StoryId): Promise<string | undefined> {
  const history = await client.conversations.history({ channel, limit: 200, include_all_metadata: true });
  for (const message of (history.messages ?? []) as MetadataMessage[]) {
    const payload = message.metadata?.event_payload;
    const inDigest = message.metadata?.event_type === digestEventType && Array.isArray(payload?.story_ids) && payload.story_ids.includes(storyId);
    if ((inDigest || storyOfCard(message) === storyId) && message.ts) return message.ts;
  }
  return undefined;
}
