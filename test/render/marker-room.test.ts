import { describe, expect, it } from 'vitest';
import type { ArticleId, StoryId } from '../../src/core/article.js';
import type { DeliveryKey } from '../../src/core/subscription.js';
import type { Outgoing } from '../../src/core/message.js';
import { partMarker } from '../../src/adapters/discord/delivery-marker.js';
import { markerRoom, withMarker } from '../../src/render/discord-marker.js';
import { renderDiscord } from '../../src/render/discord.js';
import { articlePageReply, seedDigest, seedStory } from './fixtures.js';
import { discordViolations } from './limits.js';

// The longest marker the digest transport writes: a 20-character key, part 999 of 999.
const longest = partMarker('wb012345678901234567' as DeliveryKey, { part: 999, parts: 999 });

const filled: Record<string, Outgoing> = {
  'a 60-story digest': {
    type: 'digest',
    digest: { ...seedDigest, stories: Array.from({ length: 60 }, (_, i) => ({ ...seedStory, storyId: `st${i}` as StoryId, headline: `Story ${i}: ${seedStory.headline}` })) },
  },
  'a story with a 4096-character summary and a full-length title': {
    type: 'digest',
    digest: { ...seedDigest, stories: [{ ...seedStory, headline: 'H'.repeat(400), summary: [{ text: 'word '.repeat(2000), articleId: 'a1' as ArticleId, sentenceIndex: 0 }] }] },
  },
  'a 20,000-character article page': { type: 'reply', reply: articlePageReply('Sentence about the harbour budget. '.repeat(600)) },
  'fields that would fill a message to exactly 6000 characters': {
    type: 'reply',
    reply: { visibility: 'channel', summary: 'Full', blocks: [{ kind: 'heading', text: 'T'.repeat(256) }, { kind: 'fields', fields: Array.from({ length: 16 }, () => ({ label: 'F', value: 'v'.repeat(717) })) }] },
  },
  'a reply with buttons and no embeds': { type: 'reply', reply: { visibility: 'channel', summary: 'Only buttons', blocks: [{ kind: 'actions', actions: [{ kind: 'share', label: 'Share', value: 'a1:1' }] }] } },
};

describe('every Discord message leaves room for the delivery marker', () => {
  it('the longest marker fits the room the renderer reserves', () => {
    expect(longest.length).toBeLessThanOrEqual(markerRoom);
  });

  for (const [name, out] of Object.entries(filled)) {
    it(`${name}: each message, marked, is within every limit`, () => {
      const messages = renderDiscord(out);
      for (const message of messages) expect(discordViolations(withMarker(message, longest))).toEqual([]);
      expect(messages.map((m) => withMarker(m, longest).embeds.at(-1)?.footer?.text)).toEqual(messages.map(() => longest));
    });
  }
});
