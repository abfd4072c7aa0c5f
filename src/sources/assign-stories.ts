import type { ArticleId, ArticleMeta, StoryId } from '../core/article.js';
import { defaultClustererOptions, StoryClusterer } from '../core/stories/index.js';

const dayMs = 86_400_000;
// Articles read (and held) at a time: memory stays the same however many articles the window has. Small
// pages keep each page's text young garbage that a scavenge frees; 500 made the old generation grow.
const pageSize = 100;

interface StoryInput {
  readonly id: ArticleId;
  readonly title: string;
  readonly body: string;
  readonly meta: ArticleMeta;
  readonly storyId: StoryId | null;
}

/**
 * The part of the store story assignment reads and writes. Defined here, on the inner side, so sources never
 * depend on the store; the Store satisfies it structurally.
 */
export interface StoryPort {
  /** One page of the articles whose current version was stored at or after `isoTime`, oldest first; `next` continues it. */
  articlesSincePage(
    isoTime: string,
    options: { readonly limit: number; readonly after?: string; readonly withStory?: boolean },
  ): Promise<{ readonly articles: readonly StoryInput[]; readonly next?: string }>;
  setStories(pairs: readonly { readonly articleId: ArticleId; readonly storyId: StoryId }[]): Promise<void>;
}

/**
 * Puts stored articles that have no story yet into stories: the recent stories are restored into a clusterer
 * (articles further apart than its window never merge, so older ones cannot matter), then each new article
 * joins the best of them or starts its own. Both are read a page at a time and each page's stories are
 * written before the next is read. Returns how many articles were assigned.
 */
export async function assignStories(store: StoryPort, now: Date): Promise<number> {
  const since = new Date(now.getTime() - 2 * defaultClustererOptions.windowDays * dayMs).toISOString();
  const clusterer = new StoryClusterer();
  for await (const page of articlePages(store, since, { withStory: true })) clusterer.restore(page.map((a) => ({ ...clusterDoc(a), story: a.storyId! })));
  let assigned = 0;
  for await (const page of articlePages(store, since, { withStory: false })) {
    await store.setStories(page.map((a) => ({ articleId: a.id, storyId: clusterer.add(clusterDoc(a)) })));
    assigned += page.length;
  }
  return assigned;
}

/** What the clusterer reads of a stored article: its title and text, and its date when known. */
export function clusterDoc(a: Pick<StoryInput, 'id' | 'title' | 'body' | 'meta'>): { id: string; text: string; published?: string } {
  return { id: a.id, text: `${a.title}\n${a.body}`, ...(a.meta.published ? { published: a.meta.published } : {}) };
}

/**
 * The articles stored since `since`, oldest first, a page at a time: only those in a story (`withStory: true`),
 * only those in none (false), or all.
 */
export async function* articlePages(
  store: Pick<StoryPort, 'articlesSincePage'>,
  since: string,
  options: { readonly withStory?: boolean; readonly limit?: number } = {},
): AsyncGenerator<readonly StoryInput[]> {
  let after: string | undefined;
  do {
    const page = await store.articlesSincePage(since, { limit: options.limit ?? pageSize, after, withStory: options.withStory });
    if (page.articles.length > 0) yield page.articles;
    after = page.next;
    // The embedded store answers synchronously, so without this a bulk assignment holds the event loop for
    // its whole run (30 s for 60,000 articles): a serving bot misses gateway heartbeats and Slack acks, and
    // V8's garbage-collection tasks never run, so the CLI's peak memory grew with the number of articles.
    await new Promise<void>((resolve) => setImmediate(resolve));
  } while (after !== undefined);
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
