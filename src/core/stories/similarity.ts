import type { DocFeatures, TermCounts } from './features.js';
import { IdSlots } from './id-slots.js';
import type { StorySummary, TermBag } from './story-summary.js';
import type { Vocabulary } from './vocabulary.js';

// A lead match counts for 80 % of a whole-text match, and only for an article whose text is at least this
// close to the story: a report of the same event shares more than its opening, while an article that merely
// opens with another story's sentence and goes on about something else (a round-up, a column) does not.
const leadWeight = 0.8;
const leadNeedsCosine = 0.3;

/** tf-idf weights of some terms, the idf each used, and the squared norm. */
export interface WeighedTerms {
  readonly terms: Int32Array;
  readonly weights: Float64Array;
  readonly idfs: Float64Array;
  readonly norm: number;
}

/** An article's weights under the vocabulary as it stands: computed once, then compared with every candidate. */
export interface WeighedDoc {
  readonly features: DocFeatures;
  readonly body: WeighedTerms;
  readonly lead: WeighedTerms;
  /** idf of each of `features.entities`, and their sum. */
  readonly entityIdfs: Float64Array;
  readonly entityTotal: number;
}

/**
 * 0..1 similarity of an article to a story: mostly wording (tf-idf cosine), partly who is involved (entity
 * overlap); or, when higher, how closely its lead matches the story's leads. Independently written reports of
 * one earthquake can have little else in common: each agency goes on to its own nationals and its own
 * government's aid (bench/clustering/wire-events).
 */
export class Scorer {
  private readonly storyTerms = new IdSlots();
  private readonly storyEntities = new IdSlots();

  constructor(private readonly vocabulary: Vocabulary) {}

  weigh(features: DocFeatures): WeighedDoc {
    const v = this.vocabulary;
    const entityIdfs = Float64Array.from(features.entities, (e) => v.entityIdf(e));
    let entityTotal = 0;
    for (const w of entityIdfs) entityTotal += w;
    return { features, body: this.weighTerms(features), lead: this.weighTerms(features.lead), entityIdfs, entityTotal };
  }

  similarity(doc: WeighedDoc, story: StorySummary): number {
    const cos = this.cosine(doc.body, story.body, story.size);
    const ent = this.entityOverlap(doc, story);
    const whole = 0.6 * cos + 0.4 * ent;
    return cos < leadNeedsCosine ? whole : Math.max(whole, leadWeight * this.cosine(doc.lead, story.lead, story.size));
  }

  private weighTerms(counted: TermCounts): WeighedTerms {
    const idfs = Float64Array.from(counted.terms, (t) => this.vocabulary.termIdf(t));
    const weights = Float64Array.from(counted.counts, (n, i) => Math.log1p(n) * idfs[i]!);
    let norm = 0;
    for (const w of weights) norm += w * w;
    return { terms: counted.terms, weights, idfs, norm };
  }

  private cosine(doc: WeighedTerms, bag: TermBag, size: number): number {
    const slots = this.storyTerms;
    slots.clear();
    bag.terms.forEach((t, i) => slots.set(t, bag.counts[i]!));
    let dot = 0;
    doc.terms.forEach((t, i) => {
      const s = slots.get(t);
      if (s !== undefined) dot += doc.weights[i]! * Math.log1p(s / size) * doc.idfs[i]!;
    });
    return dot === 0 ? 0 : dot / Math.sqrt(doc.norm * this.bagNorm(bag, size));
  }

  // idf drifts slowly as articles arrive; recomputing a story's norm for every comparison would make the cost
  // grow with story size, so it is refreshed when the story changes (absorb clears it) or the vocabulary grew 10 %.
  private bagNorm(bag: TermBag, size: number): number {
    const v = this.vocabulary;
    if (bag.norm && v.docCount <= bag.norm.docCount * 1.1) return bag.norm.value;
    let sum = 0;
    bag.terms.forEach((t, i) => {
      const w = Math.log1p(bag.counts[i]! / size) * v.termIdf(t);
      sum += w * w;
    });
    bag.norm = { value: sum, docCount: v.docCount };
    return sum;
  }

  /** Shared entities weighted by rarity, over the geometric mean of both sides' totals: two reports name the same actors. */
  private entityOverlap(doc: WeighedDoc, story: StorySummary): number {
    const slots = this.storyEntities;
    slots.clear();
    let storyTotal = 0;
    for (const e of story.entities) {
      slots.set(e, 1);
      storyTotal += this.vocabulary.entityIdf(e);
    }
    let shared = 0;
    doc.features.entities.forEach((e, i) => {
      if (slots.get(e) !== undefined) shared += doc.entityIdfs[i]!;
    });
    const scale = Math.sqrt(doc.entityTotal * storyTotal);
    return scale === 0 ? 0 : shared / scale;
  }
}
