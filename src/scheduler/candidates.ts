import type { StoryInput } from '../core/compose/story-input.js';
import type { StoredArticle, StorySummary } from '../store/types.js';

export interface CandidateSource {
  listStories(options?: { readonly since?: string; readonly limit?: number }): Promise<StorySummary[]>;
  findArticles(ids: readonly string[]): Promise<StoredArticle[]>;
}

/** Enough for a busy day of news; a digest shows at most a handful, ranked from these. */
export const maxCandidateStories = 20_000;

/** The stories updated at or after `since` (all recent ones when undefined), with their articles. */
export async function loadCandidates(store: CandidateSource, since: string | undefined): Promise<StoryInput[]> {
  const stories = await store.listStories({ ...(since ? { since } : {}), limit: maxCandidateStories });
  const articles = await store.findArticles(stories.flatMap((s) => s.articleIds));
  const byId = new Map(articles.map((a) => [a.id, a]));
  return stories.map((s) => ({ storyId: s.id, articles: s.articleIds.flatMap((id) => byId.get(id) ?? []) }));
}
