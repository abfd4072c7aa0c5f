import type { Digest } from '../digest.js';
import type { Outgoing } from '../message.js';
import type { ThreadMode } from '../subscription.js';

export const noNewsText = 'No new stories since the last digest.';

/**
 * What a delivery posts for a composed digest, in order. `single`: the digest itself. `per-story`: a header,
 * then each story as its own message so that each can carry its own discussion thread. An empty digest posts
 * nothing, or the one-line note when the subscription asked for it.
 */
export function digestMessages(digest: Digest, threadMode: ThreadMode, noNewsNote: boolean): Outgoing[] {
  if (digest.stories.length === 0) {
    return noNewsNote ? [{ type: 'reply', reply: { visibility: 'channel', summary: noNewsText, blocks: [{ kind: 'text', text: noNewsText }] } }] : [];
  }
  if (threadMode === 'single') return [{ type: 'digest', digest }];
  return [
    { type: 'reply', reply: { visibility: 'channel', summary: digest.title, blocks: [{ kind: 'heading', text: digest.title }] } },
    ...digest.stories.map((story): Outgoing => ({ type: 'reply', reply: { visibility: 'channel', summary: story.headline, blocks: [{ kind: 'story', story }] } })),
  ];
}
