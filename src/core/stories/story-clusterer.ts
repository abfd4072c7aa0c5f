import type { StoryId } from '../article.js';
import type { DocFeatures } from './features.js';
import { FeatureReader, parsePublished } from './features.js';
import { IdSlots } from './id-slots.js';
import { Scorer, type WeighedDoc } from './similarity.js';
import { StorySummary } from './story-summary.js';
import { Vocabulary } from './vocabulary.js';

export interface ClusterDoc {
  readonly id: string;
  readonly text: string;
  /** ISO date or date-time; when both articles have one, stories more than `windowDays` apart never merge. */
  readonly published?: string;
}

export interface StoryAssignmentInput extends ClusterDoc {
  readonly story: string;
}

export interface ClustererOptions {
  /** Minimum combined similarity to join a story (0..1). */
  readonly threshold: number;
  readonly windowDays: number;
  /** Index keys per article: its most salient terms and entities. */
  readonly keysPerDoc: number;
  /** At most this many candidate stories are verified per article. */
  readonly maxCandidates: number;
  /**
   * Stories held at most; past it the one that gained an article longest ago is forgotten, and a later
   * report of it starts a new story. This is what keeps a bulk ingest of any size in the same memory.
   */
  readonly maxStories: number;
}

// 10,000 stories is over a week of a busy newsroom's distinct events (story assignment looks back 6 days),
// in some 30 MB.
export const defaultClustererOptions: ClustererOptions = { threshold: 0.4, windowDays: 3, keysPerDoc: 16, maxCandidates: 24, maxStories: 10_000 };

// Article ids remembered per story held, for add() of an id seen before: beyond it the oldest are forgotten.
const rememberedDocsPerStory = 4;

const dayMs = 86_400_000;

/**
 * Incremental story clustering. Candidates come from an inverted index over each article's most salient
 * terms and entities (a key shared by too many stories is skipped, so work per article stays bounded); each
 * candidate story is then verified with tf-idf cosine plus entity overlap, so two differently worded
 * reports of one event meet. Order matters (an article joins stories that exist when it arrives), which is
 * what a store adding articles as they come needs. Only a bounded summary of each story is kept (see
 * story-summary.ts), never the articles' own features, and only for the `maxStories` most recently updated
 * stories: memory is bounded however many articles pass through.
 */
export class StoryClusterer {
  private readonly vocabulary = new Vocabulary();
  private readonly reader = new FeatureReader(this.vocabulary);
  private readonly scorer = new Scorer(this.vocabulary);
  private readonly mergeSlots = new IdSlots();
  private readonly storyOfDoc = new Map<string, StoryId>();
  /** Most recently updated last: the first is the next to forget. */
  private readonly stories = new Map<StoryId, StorySummary>();
  /** Index key (term id × 2, entity id × 2 + 1) → the stories that posted it, forgotten ones until the next sweep. */
  private readonly postings = new Map<number, StorySummary[]>();
  private forgottenSinceSweep = 0;
  private readonly options: ClustererOptions;

  constructor(options: Partial<ClustererOptions> = {}) {
    this.options = { ...defaultClustererOptions, ...options };
  }

  /** Adds an article and returns its story; adding a recently added id again returns its story unchanged. */
  add(doc: ClusterDoc): StoryId {
    const known = this.storyOfDoc.get(doc.id);
    if (known) return known;
    const weighed = this.scorer.weigh(this.reader.read(doc.text, parsePublished(doc.id, doc.published)));
    const keys = this.indexKeys(weighed);
    const story = this.bestStory(weighed, keys) ?? (`s-${doc.id}` as StoryId);
    this.insert(doc.id, weighed.features, keys, story);
    return story;
  }

  /** Re-creates stories decided in an earlier run (e.g. from the store), in the order given. */
  restore(assignments: Iterable<StoryAssignmentInput>): void {
    for (const a of assignments) {
      if (this.storyOfDoc.has(a.id)) continue;
      const weighed = this.scorer.weigh(this.reader.read(a.text, parsePublished(a.id, a.published)));
      this.insert(a.id, weighed.features, this.indexKeys(weighed), a.story as StoryId);
    }
  }

  storyOf(id: string): StoryId | undefined {
    return this.storyOfDoc.get(id);
  }

  get size(): number {
    return this.storyOfDoc.size;
  }

  private indexKeys(doc: WeighedDoc): number[] {
    const half = this.options.keysPerDoc / 2;
    const heaviest = (weights: Float64Array) => Array.from(weights.keys()).sort((a, b) => weights[b]! - weights[a]!).slice(0, half);
    const { terms, entities } = doc.features;
    return [...heaviest(doc.body.weights).map((i) => terms[i]! * 2), ...heaviest(doc.entityIdfs).map((i) => entities[i]! * 2 + 1)];
  }

  private bestStory(doc: WeighedDoc, keys: readonly number[]): StoryId | undefined {
    const cap = Math.max(50, Math.ceil(this.vocabulary.docCount / 50));
    const shared = new Map<StorySummary, number>();
    for (const key of keys) {
      const list = this.postings.get(key);
      if (!list || list.length > cap) continue;
      for (const story of list) if (!story.forgotten) shared.set(story, (shared.get(story) ?? 0) + 1);
    }
    const candidates = [...shared].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]).slice(0, this.options.maxCandidates);
    let best: StoryId | undefined;
    let bestScore = this.options.threshold;
    for (const [story] of candidates) {
      if (!this.withinWindow(story, doc.features.time)) continue;
      const score = this.scorer.similarity(doc, story);
      if (score >= bestScore) [best, bestScore] = [story.id, score];
    }
    return best;
  }

  private withinWindow(story: StorySummary, time: number | undefined): boolean {
    if (time === undefined || story.minTime === undefined || story.maxTime === undefined) return true;
    const window = this.options.windowDays * dayMs;
    return time >= story.minTime - window && time <= story.maxTime + window;
  }

  private insert(id: string, features: DocFeatures, keys: readonly number[], story: StoryId): void {
    this.vocabulary.addDoc(features);
    this.remember(id, story);
    const summary = this.stories.get(story) ?? new StorySummary(story);
    // Deleted and set again, so that the map stays in order of last update.
    this.stories.delete(story);
    this.stories.set(story, summary);
    summary.absorb(features, this.mergeSlots);
    for (const key of keys) {
      if (!summary.post(key)) continue;
      const list = this.postings.get(key);
      if (list) list.push(summary);
      else this.postings.set(key, [summary]);
    }
    this.forgetBeyondLimit();
  }

  private remember(id: string, story: StoryId): void {
    this.storyOfDoc.set(id, story);
    if (this.storyOfDoc.size > rememberedDocsPerStory * this.options.maxStories) this.storyOfDoc.delete(this.storyOfDoc.keys().next().value!);
  }

  private forgetBeyondLimit(): void {
    while (this.stories.size > this.options.maxStories) {
      const oldest = this.stories.values().next().value!;
      this.stories.delete(oldest.id);
      oldest.forgotten = true;
      this.forgottenSinceSweep++;
    }
    // Forgotten stories leave the postings in sweeps, not one by one: finding a story in every list it
    // posted to would cost a scan of the longest lists for each one forgotten.
    if (this.forgottenSinceSweep < Math.max(1, this.options.maxStories / 2)) return;
    for (const [key, list] of this.postings) {
      const kept = list.filter((story) => !story.forgotten);
      if (kept.length === 0) this.postings.delete(key);
      else if (kept.length < list.length) this.postings.set(key, kept);
    }
    this.forgottenSinceSweep = 0;
  }
}
