import type { DocFeatures } from './features.js';
import { IdSlots } from './id-slots.js';
import type { StorySummary } from './story-summary.js';
import type { Vocabulary } from './vocabulary.js';

/** An article's weights under the vocabulary as it stands: computed once, then compared with every candidate. */
export interface WeighedDoc {
  readonly features: DocFeatures;
  /** tf-idf weight of each of `features.terms`, and the idf it used. */
  readonly termWeights: Float64Array;
  readonly termIdfs: Float64Array;
  readonly termNorm: number;
  /** idf of each of `features.entities`, and their sum. */
  readonly entityIdfs: Float64Array;
  readonly entityTotal: number;
}

/** 0..1 similarity of an article to a story: mostly wording (tf-idf cosine), partly who is involved (entity overlap). */
export class Scorer {
  private readonly storyTerms = new IdSlots();
  private readonly storyEntities = new IdSlots();

  constructor(private readonly vocabulary: Vocabulary) {}

  weigh(features: DocFeatures): WeighedDoc {
    const v = this.vocabulary;
    const termIdfs = Float64Array.from(features.terms, (t) => v.termIdf(t));
    const termWeights = Float64Array.from(features.counts, (n, i) => Math.log1p(n) * termIdfs[i]!);
    let termNorm = 0;
    for (const w of termWeights) termNorm += w * w;
    const entityIdfs = Float64Array.from(features.entities, (e) => v.entityIdf(e));
    let entityTotal = 0;
    for (const w of entityIdfs) entityTotal += w;
    return { features, termWeights, termIdfs, termNorm, entityIdfs, entityTotal };
  }

  similarity(doc: WeighedDoc, story: StorySummary): number {
    return 0.6 * this.cosine(doc, story) + 0.4 * this.entityOverlap(doc, story);
  }

  private cosine(doc: WeighedDoc, story: StorySummary): number {
    const slots = this.storyTerms;
    slots.clear();
    story.terms.forEach((t, i) => slots.set(t, story.termCounts[i]!));
    let dot = 0;
    doc.features.terms.forEach((t, i) => {
      const s = slots.get(t);
      if (s !== undefined) dot += doc.termWeights[i]! * Math.log1p(s / story.size) * doc.termIdfs[i]!;
    });
    return dot === 0 ? 0 : dot / Math.sqrt(doc.termNorm * this.storyNorm(story));
  }

  // idf drifts slowly as articles arrive; recomputing a story's norm for every comparison would make the cost
  // grow with story size, so it is refreshed when the story changes (absorb clears it) or the vocabulary grew 10 %.
  private storyNorm(story: StorySummary): number {
    const v = this.vocabulary;
    if (story.norm && v.docCount <= story.norm.docCount * 1.1) return story.norm.value;
    let sum = 0;
    story.terms.forEach((t, i) => {
      const w = Math.log1p(story.termCounts[i]! / story.size) * v.termIdf(t);
      sum += w * w;
    });
    story.norm = { value: sum, docCount: v.docCount };
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
