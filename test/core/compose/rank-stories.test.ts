import { describe, expect, it } from 'vitest';
import { rankStories } from '../../../src/core/compose/rank-stories.js';
import { otherStory, seedStory } from './seed-stories.js';

const now = new Date('2025-12-26T12:00:00Z');
const at = '2025-12-26T10:00:00Z';
const ids = (stories: ReturnType<typeof rankStories>) => stories.map((s) => s.storyId);

describe('rankStories', () => {
  it('puts the story more outlets covered first', () => {
    const lone = otherStory('lone', 'Harbour reopens after storm', 'The harbour reopened on Friday.', at);
    expect(ids(rankStories([lone, seedStory()], now))).toEqual(['story-seeds', 'story-lone']);
  });

  it('prefers the newer of two otherwise equal stories', () => {
    const old = otherStory('old', 'Harbour reopens after storm', 'The harbour reopened.', '2025-12-25T10:00:00Z');
    const fresh = otherStory('fresh', 'Library opens new wing', 'The library opened a wing.', at);
    expect(ids(rankStories([old, fresh], now))).toEqual(['story-fresh', 'story-old']);
  });

  it('prefers, at equal coverage and time, the story about what the other news is about (salience)', () => {
    const stories = [
      otherStory('aaa-offbeat', 'Village fair crowns giant pumpkin', 'A pumpkin won.', at),
      otherStory('zzz-missile', 'North Korea tests missile engine', 'A missile engine was tested.', at),
      otherStory('mmm-missile', 'Seoul condemns North Korea missile launch', 'Seoul condemned the launch.', at),
      otherStory('nnn-missile', 'Analysts weigh North Korea missile exports', 'Analysts weighed exports.', at),
    ];
    const ranked = ids(rankStories(stories, now));
    // Without salience the tie would fall to the id order, which puts the pumpkin first.
    expect(ranked.at(-1)).toBe('story-aaa-offbeat');
    expect(new Set(ranked.slice(0, 3))).toEqual(new Set(['story-zzz-missile', 'story-mmm-missile', 'story-nnn-missile']));
  });
});
