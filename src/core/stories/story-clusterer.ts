import type { StoryId } from '../article.js';
import type { DocFeatures } from './features.js';
import { docFeatures, parsePublished } from './features.js';
import { similarity, Vocabulary } from './similarity.js';
import type { StoryProfile } from './similarity.js';

export interface ClusterDoc {
  readonly id: string;
  readonly text: string;
  /** ISO date or date-time; when both articles have one, stories more than `windowDays` apart never merge. */
  readonly published?: string;
}

export interface StoryAssignmentInput extends ClusterDoc {
  readonly story: string;
}

/** Plain JSON the store can keep so the next run continues the same stories without re-reading texts. */
export interface ClustererState {
  readonly version: 1;
  readonly docs: ReadonlyArray<{
    readonly id: string;
    readonly story: string;
    readonly terms: ReadonlyArray<readonly [string, number]>;
    readonly entities: readonly string[];
    readonly time?: number;
  }>;
}

export interface ClustererOptions {
  /** Minimum combined similarity to join a story (0..1). */
  readonly threshold: number;
  readonly windowDays: number;
  /** Index keys per article: its most salient terms and entities. */
  readonly keysPerDoc: number;
  /** At most this many candidate stories are verified per article. */
  readonly maxCandidates: number;
}

export const defaultClustererOptions: ClustererOptions = { threshold: 0.4, windowDays: 3, keysPerDoc: 16, maxCandidates: 24 };

const dayMs = 86_400_000;

/**
 * Incremental story clustering. Candidates come from an inverted index over each article's most salient
 * terms and entities (a key shared by too many stories is skipped, so work per article stays bounded); each
 * candidate story is then verified with tf-idf cosine plus entity overlap, so two differently worded
 * reports of one event meet. Order matters (an article joins stories that exist when it arrives), which is
 * what a store adding articles as they come needs.
 */
export class StoryClusterer {
  private readonly vocabulary = new Vocabulary();
  private readonly storyOfDoc = new Map<string, StoryId>();
  private readonly docs = new Map<string, DocFeatures>();
  private readonly stories = new Map<StoryId, StoryProfile>();
  private readonly postings = new Map<string, StoryId[]>();
  private readonly options: ClustererOptions;

  constructor(options: Partial<ClustererOptions> = {}) {
    this.options = { ...defaultClustererOptions, ...options };
  }

  static fromState(state: ClustererState, options?: Partial<ClustererOptions>): StoryClusterer {
    const clusterer = new StoryClusterer(options);
    for (const doc of state.docs) {
      const features = { terms: new Map(doc.terms), entities: new Set(doc.entities), ...(doc.time === undefined ? {} : { time: doc.time }) };
      clusterer.insert(doc.id, features, doc.story as StoryId);
    }
    return clusterer;
  }

  /** Adds an article and returns its story; adding a known id again returns its story unchanged. */
  add(doc: ClusterDoc): StoryId {
    const known = this.storyOfDoc.get(doc.id);
    if (known) return known;
    const features = docFeatures(doc.text, parsePublished(doc.id, doc.published));
    const story = this.bestStory(features) ?? (`s-${doc.id}` as StoryId);
    this.insert(doc.id, features, story);
    return story;
  }

  /** Re-creates stories decided in an earlier run (e.g. from the store), in the order given. */
  restore(assignments: Iterable<StoryAssignmentInput>): void {
    for (const a of assignments) {
      if (this.storyOfDoc.has(a.id)) continue;
      this.insert(a.id, docFeatures(a.text, parsePublished(a.id, a.published)), a.story as StoryId);
    }
  }

  storyOf(id: string): StoryId | undefined {
    return this.storyOfDoc.get(id);
  }

  get size(): number {
    return this.storyOfDoc.size;
  }

  toState(): ClustererState {
    return {
      version: 1,
      docs: [...this.docs].map(([id, f]) => ({
        id,
        story: this.storyOfDoc.get(id)!,
        terms: [...f.terms],
        entities: [...f.entities],
        ...(f.time === undefined ? {} : { time: f.time }),
      })),
    };
  }

  private indexKeys(features: DocFeatures): string[] {
    const v = this.vocabulary;
    const byWeight = (keys: Iterable<string>, weight: (k: string) => number): string[] =>
      [...keys].sort((a, b) => weight(b) - weight(a)).slice(0, this.options.keysPerDoc / 2);
    const terms = byWeight(features.terms.keys(), (t) => Math.log1p(features.terms.get(t)!) * v.idf(t));
    const entities = byWeight([...features.entities].map((e) => `e:${e}`), (e) => v.idf(e));
    return [...terms, ...entities];
  }

  private bestStory(features: DocFeatures): StoryId | undefined {
    const cap = Math.max(50, Math.ceil(this.vocabulary.docCount / 50));
    const shared = new Map<StoryId, number>();
    for (const key of this.indexKeys(features)) {
      const list = this.postings.get(key);
      if (!list || list.length > cap) continue;
      for (const story of list) shared.set(story, (shared.get(story) ?? 0) + 1);
    }
    const candidates = [...shared].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]).slice(0, this.options.maxCandidates);
    let best: StoryId | undefined;
    let bestScore = this.options.threshold;
    for (const [id] of candidates) {
      const profile = this.stories.get(id)!;
      if (!this.withinWindow(profile, features.time)) continue;
      const score = similarity(features, profile, this.vocabulary);
      if (score >= bestScore) [best, bestScore] = [id, score];
    }
    return best;
  }

  private withinWindow(story: StoryProfile, time: number | undefined): boolean {
    if (time === undefined || story.minTime === undefined || story.maxTime === undefined) return true;
    const window = this.options.windowDays * dayMs;
    return time >= story.minTime - window && time <= story.maxTime + window;
  }

  private insert(id: string, features: DocFeatures, story: StoryId): void {
    const keys = this.indexKeys(features);
    this.vocabulary.addDoc(features);
    this.docs.set(id, features);
    this.storyOfDoc.set(id, story);
    let profile = this.stories.get(story);
    if (!profile) {
      profile = { size: 0, terms: new Map(), entities: new Map(), keys: new Set() };
      this.stories.set(story, profile);
    }
    profile.size++;
    delete profile.norm;
    for (const [t, n] of features.terms) profile.terms.set(t, (profile.terms.get(t) ?? 0) + n);
    for (const e of features.entities) profile.entities.set(e, (profile.entities.get(e) ?? 0) + 1);
    if (features.time !== undefined) {
      profile.minTime = Math.min(profile.minTime ?? features.time, features.time);
      profile.maxTime = Math.max(profile.maxTime ?? features.time, features.time);
    }
    for (const key of keys) {
      if (profile.keys.has(key)) continue;
      profile.keys.add(key);
      const list = this.postings.get(key);
      if (list) list.push(story);
      else this.postings.set(key, [story]);
    }
  }
}
