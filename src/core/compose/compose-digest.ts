import type { ArticleId } from '../article.js';
import type { ChannelRef, Digest, DigestStory } from '../digest.js';
import type { TopicFilter } from '../subscription.js';
import { rankStories } from './rank-stories.js';
import { buildStoryCard, type CardOptions } from './story-card.js';
import type { SentSources, StoryInput } from './story-input.js';
import { topicMatcher } from './topic-filter.js';

export interface ComposeRequest {
  readonly channel: ChannelRef;
  readonly title: string;
  /** The slot (or now, for an on-demand digest). */
  readonly composedAt: Date;
  readonly maxStories: number;
  readonly topic?: TopicFilter;
  /** Stories with material new since the channel's previous digest (all recent stories for an on-demand one). */
  readonly candidates: readonly StoryInput[];
  /** What the channel was already sent; empty for an on-demand digest. */
  readonly sent: SentSources;
  readonly card?: CardOptions;
}

/**
 * One digest for one channel and slot. A story already sent to the channel is left out unless sources joined
 * it since; then it comes back with `updated.newSources`. Candidates are filtered by topic and ranked before
 * any card is built, so the cost of summarizing is paid for the shown stories only. No stories → an empty digest.
 */
export function composeDigest(request: ComposeRequest): Digest {
  const matchesTopic = topicMatcher(request.topic);
  const newSources = new Map<string, ReadonlySet<ArticleId>>();
  const eligible = request.candidates.filter((story) => {
    if (story.articles.length === 0 || !matchesTopic(story)) return false;
    const sentWith = request.sent.get(story.storyId);
    if (!sentWith) return true;
    const fresh = story.articles.filter((a) => !sentWith.has(a.id)).map((a) => a.id);
    if (fresh.length === 0) return false;
    newSources.set(story.storyId, new Set(fresh));
    return true;
  });
  const stories = rankStories(eligible, request.composedAt)
    .slice(0, request.maxStories)
    .map((story): DigestStory => {
      const card = buildStoryCard(story, request.card);
      const fresh = newSources.get(story.storyId);
      return fresh ? { ...card, updated: { newSources: card.sources.filter((s) => fresh.has(s.articleId)) } } : card;
    });
  return { title: request.title, composedAt: request.composedAt.toISOString(), channel: request.channel, stories };
}
