import type { StoryId } from '../article.js';
import type { DocFeatures, TermCounts } from './features.js';
import type { IdSlots } from './id-slots.js';

// A story keeps a bounded summary instead of its articles' features, so memory grows with the number of
// stories, not of articles, and a story's cost to score does not grow with its size. One article brings at
// most 150 terms: the caps leave a one-article story whole, and a larger one the terms and names its reports
// share most, which carry nearly all of its weight (on the clustering bench no story's assignments change).
const maxTerms = 300;
const maxEntities = 128;
// A lead brings some 20 terms; past the cap, a story keeps those its reports' leads share most.
const maxLeadTerms = 96;
// Index keys posted for one story: its first reports' salient terms already find it.
const maxKeys = 64;

/** Term ids in the order they joined a story, their summed counts, and the vector's norm once computed. */
export class TermBag {
  terms: Int32Array = new Int32Array(0);
  counts: Int32Array = new Int32Array(0);
  /** Norm of the bag's weights and the vocabulary size it was computed at; absorbing clears it. */
  norm?: { readonly value: number; readonly docCount: number };

  absorb(doc: TermCounts, cap: number, slots: IdSlots): void {
    delete this.norm;
    [this.terms, this.counts] = merged(this.terms, this.counts, doc.terms, doc.counts, cap, slots);
  }
}

/** What a story accumulates from its articles: term counts summed, entities counted once per article. */
export class StorySummary {
  size = 0;
  /** Terms of its articles' text, and of their leads only. */
  readonly body = new TermBag();
  readonly lead = new TermBag();
  /** Entity ids in the order they joined, and how many of the story's articles name each. */
  entities: Int32Array = new Int32Array(0);
  entityCounts: Int32Array = new Int32Array(0);
  /** Index keys already posted for this story. */
  readonly keys: number[] = [];
  minTime?: number;
  maxTime?: number;
  /** Set when the clusterer let the story go (see ClustererOptions.maxStories): it is no longer a candidate. */
  forgotten = false;

  constructor(readonly id: StoryId) {}

  /** Adds an article's features; `slots` is scratch space for the merge. */
  absorb(doc: DocFeatures, slots: IdSlots): void {
    this.size++;
    this.body.absorb(doc, maxTerms, slots);
    this.lead.absorb(doc.lead, maxLeadTerms, slots);
    [this.entities, this.entityCounts] = merged(this.entities, this.entityCounts, doc.entities, undefined, maxEntities, slots);
    if (doc.time !== undefined) {
      this.minTime = Math.min(this.minTime ?? doc.time, doc.time);
      this.maxTime = Math.max(this.maxTime ?? doc.time, doc.time);
    }
  }

  /** Records an index key for this story; false when it was posted already or the story has its share. */
  post(key: number): boolean {
    if (this.keys.length >= maxKeys || this.keys.includes(key)) return false;
    this.keys.push(key);
    return true;
  }
}

/**
 * `ids`/`counts` plus `added` (each with its count, or 1): known ids keep their place, new ones are appended
 * in order. Past `cap`, the most counted are kept (ties: the earlier), still in their order.
 */
function merged(
  ids: Int32Array,
  counts: Int32Array,
  added: Int32Array,
  addedCounts: Int32Array | undefined,
  cap: number,
  slots: IdSlots,
): [Int32Array, Int32Array] {
  slots.clear();
  ids.forEach((id, at) => slots.set(id, at));
  let fresh = 0;
  for (const id of added) if (slots.get(id) === undefined) fresh++;
  const outIds = new Int32Array(ids.length + fresh);
  const outCounts = new Int32Array(ids.length + fresh);
  outIds.set(ids);
  outCounts.set(counts);
  let end = ids.length;
  added.forEach((id, i) => {
    const n = addedCounts ? addedCounts[i]! : 1;
    const at = slots.get(id);
    if (at === undefined) {
      outIds[end] = id;
      outCounts[end] = n;
      slots.set(id, end++);
    } else outCounts[at]! += n;
  });
  return end > cap ? mostCounted(outIds, outCounts, cap) : [outIds, outCounts];
}

function mostCounted(ids: Int32Array, counts: Int32Array, cap: number): [Int32Array, Int32Array] {
  const kept = Array.from(ids.keys())
    .sort((a, b) => counts[b]! - counts[a]! || a - b)
    .slice(0, cap)
    .sort((a, b) => a - b);
  return [Int32Array.from(kept, (at) => ids[at]!), Int32Array.from(kept, (at) => counts[at]!)];
}
