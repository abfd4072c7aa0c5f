import { contentTerms } from '../text/terms.js';
import { newsTime, type StoryInput } from './story-input.js';

/**
 * Orders candidate stories for a digest, cheaply (before any summarizing):
 * - coverage: how many sources told the story (log-scaled: the fifth outlet adds less than the second);
 * - recency: the newest source's news time, halving in weight every 12 hours before `now`;
 * - salience: how much the story's headlines share vocabulary with the other new stories' headlines, i.e.
 *   whether it is about what the news is about today (normalised to 0..1 across the candidates).
 */
export const rankWeights = { coverage: 1, recency: 1, salience: 0.5 } as const;
const halfLifeHours = 12;

export function rankStories(stories: readonly StoryInput[], now: Date): StoryInput[] {
  const headlineTerms = stories.map((s) => new Set(s.articles.flatMap((a) => contentTerms(a.title))));
  const storiesWithTerm = new Map<string, number>();
  for (const terms of headlineTerms) for (const t of terms) storiesWithTerm.set(t, (storiesWithTerm.get(t) ?? 0) + 1);
  const rawSalience = headlineTerms.map((terms) => {
    if (terms.size === 0) return 0;
    let sum = 0;
    for (const t of terms) sum += Math.log((storiesWithTerm.get(t) ?? 1) as number);
    return sum / terms.size;
  });
  const maxSalience = Math.max(0, ...rawSalience);
  const scored = stories.map((story, i) => {
    const newest = Math.min(now.getTime(), Math.max(...story.articles.map(newsTime)));
    const ageHours = Math.max(0, (now.getTime() - newest) / 3_600_000);
    const score =
      rankWeights.coverage * Math.log2(1 + story.articles.length) +
      rankWeights.recency * 0.5 ** (ageHours / halfLifeHours) +
      rankWeights.salience * (maxSalience > 0 ? rawSalience[i]! / maxSalience : 0);
    return { story, score };
  });
  return scored.sort((a, b) => b.score - a.score || a.story.storyId.localeCompare(b.story.storyId)).map((s) => s.story);
}
