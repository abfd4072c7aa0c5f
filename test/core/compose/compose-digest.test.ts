import { describe, expect, it } from 'vitest';
import { composeDigest, type ComposeRequest } from '../../../src/core/compose/compose-digest.js';
import { digestMessages, noNewsText } from '../../../src/core/compose/digest-messages.js';
import { rankStories } from '../../../src/core/compose/rank-stories.js';
import { otherStory, seedArticles, seedStory, seedStoryId } from './seed-stories.js';

const now = new Date('2025-12-26T08:00:00Z');
const channel = { platform: 'local', workspace: 'local', channel: 'local' } as const;
const weather = otherStory('w1', 'Snow expected in Oslo', 'Heavy snow is expected in Oslo on Saturday, forecasters said.', '2025-12-26T06:00:00Z');
const football = otherStory('f1', 'Cup final moved', 'The cup final was moved to Sunday because of the storm.', '2025-12-26T05:00:00Z');
const request = (over: Partial<ComposeRequest> = {}): ComposeRequest => ({
  channel,
  title: 'Digest',
  composedAt: now,
  maxStories: 5,
  candidates: [weather, seedStory(), football],
  sent: new Map(),
  ...over,
});

describe('composeDigest', () => {
  it('ranks the story with most sources first and keeps at most maxStories', () => {
    const digest = composeDigest(request({ maxStories: 2 }));
    expect(digest.stories.map((s) => s.storyId)).toEqual([seedStoryId, weather.storyId]);
    expect(digest).toMatchObject({ title: 'Digest', composedAt: now.toISOString(), channel });
  });

  it('does not send a story again unless new sources joined it, then marks it updated', () => {
    const [first, second] = seedArticles();
    const sentWithFirst = new Map([[seedStoryId, new Set([first!.id])]]);
    const updated = composeDigest(request({ sent: sentWithFirst }));
    const story = updated.stories.find((s) => s.storyId === seedStoryId);
    expect(story?.updated?.newSources.map((s) => s.articleId)).toEqual([second!.id]);
    const sentWithBoth = new Map([[seedStoryId, new Set([first!.id, second!.id])]]);
    expect(composeDigest(request({ sent: sentWithBoth })).stories.map((s) => s.storyId)).not.toContain(seedStoryId);
  });

  it('filters by keywords (stemmed) or by source', () => {
    expect(composeDigest(request({ topic: { keywords: ['missiles'], sources: [] } })).stories.map((s) => s.storyId)).toEqual([seedStoryId]);
    expect(composeDigest(request({ topic: { keywords: [], sources: ['example wire'] } })).stories.map((s) => s.storyId)).toEqual([weather.storyId, football.storyId]);
    expect(composeDigest(request({ topic: { keywords: ['volcano'], sources: [] } })).stories).toEqual([]);
  });

  it('gives an empty digest when nothing is new', () => {
    expect(composeDigest(request({ candidates: [] })).stories).toEqual([]);
  });
});

describe('rankStories', () => {
  it('prefers the more recent of two otherwise equal stories', () => {
    expect(rankStories([football, weather], now).map((s) => s.storyId)).toEqual([weather.storyId, football.storyId]);
  });
});

describe('digestMessages', () => {
  const digest = composeDigest(request());
  it('posts the digest as one message, or a header and one message per story', () => {
    expect(digestMessages(digest, 'single', false)).toEqual([{ type: 'digest', digest }]);
    const perStory = digestMessages(digest, 'per-story', false);
    expect(perStory).toHaveLength(1 + digest.stories.length);
    expect(perStory[1]).toMatchObject({ type: 'reply', reply: { blocks: [{ kind: 'story', story: digest.stories[0] }] } });
  });

  it('posts nothing for an empty digest, or the one-line note when asked', () => {
    const empty = { ...digest, stories: [] };
    expect(digestMessages(empty, 'single', false)).toEqual([]);
    expect(digestMessages(empty, 'single', true)).toMatchObject([{ type: 'reply', reply: { summary: noNewsText } }]);
  });
});

