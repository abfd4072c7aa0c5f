import type { ArticleId, ArticleMeta, StoryId } from '../core/article.js';
import { defaultClustererOptions, StoryClusterer } from '../core/stories/index.js';

const dayMs = 86_400_000;

/**
 * The part of the store story assignment reads and writes. Defined here, on the inner side, so sources never
 * depend on the store; the Store satisfies it structurally.
 */
export interface StoryPort {
  /** Articles whose current version was stored at or after `isoTime`, oldest first. */
  articlesSince(isoTime: string): Promise<readonly { readonly id: ArticleId; readonly title: string; readonly body: string; readonly meta: ArticleMeta; readonly storyId: StoryId | null }[]>;
  setStories(pairs: readonly { readonly articleId: ArticleId; readonly storyId: StoryId }[]): Promise<void>;
}

/**
 * Puts stored articles that have no story yet into stories: the recent stories are restored into a clusterer
 * (articles further apart than its window never merge, so older ones cannot matter), then each new article
 * joins the best of them or starts its own. Returns how many articles were assigned.
 */
export async function assignStories(store: StoryPort, now: Date): Promise<number> {
  const since = new Date(now.getTime() - 2 * defaultClustererOptions.windowDays * dayMs).toISOString();
  const recent = await store.articlesSince(since);
  const clusterer = new StoryClusterer();
  const doc = (a: (typeof recent)[number]) => ({ id: a.id, text: `${a.title}\n${a.body}`, ...(a.meta.published ? { published: a.meta.published } : {}) });
  clusterer.restore(recent.flatMap((a) => (a.storyId ? [{ ...doc(a), story: a.storyId }] : [])));
  const pairs: { articleId: ArticleId; storyId: StoryId }[] = [];
  for (const article of recent) if (!article.storyId) pairs.push({ articleId: article.id, storyId: clusterer.add(doc(article)) });
  if (pairs.length > 0) await store.setStories(pairs);
  return pairs.length;
}

/**
 * One assignment at a time per process: ingest (CLI, folder watch, feed poll), on-demand digests and the
 * scheduler all ask for it, and two runs side by side would each cluster the same new articles on their own.
 * A request made while a run is going waits for one more run after it, so articles stored meanwhile are seen.
 */
export function serialStoryAssigner(store: StoryPort, clock: { now(): Date }): () => Promise<number> {
  let running: Promise<number> | undefined;
  let next: Promise<number> | undefined;
  const run = (): Promise<number> => {
    running = assignStories(store, clock.now()).finally(() => {
      running = undefined;
    });
    return running;
  };
  return () => {
    if (next) return next;
    if (!running) return run();
    next = running.catch(() => 0).then(() => {
      next = undefined;
      return run();
    });
    return next;
  };
}
