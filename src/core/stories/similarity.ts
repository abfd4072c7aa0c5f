import type { DocFeatures } from './features.js';

/** What a story accumulates from its articles (term counts summed, entities counted once per article). */
export interface StoryProfile {
  size: number;
  readonly terms: Map<string, number>;
  readonly entities: Map<string, number>;
  /** Index keys already posted for this story. */
  readonly keys: Set<string>;
  minTime?: number;
  maxTime?: number;
  /** Cached norm of the story's term vector and the vocabulary size it was computed at. */
  norm?: { readonly value: number; readonly docCount: number };
}

// Pseudo-documents in the idf: with few articles seen, every term weighs about the same instead of the
// first two articles' shared words counting for nothing.
const priorDocs = 50;

/** Document frequencies of terms and entities (prefixed "e:"), updated as articles arrive. */
export class Vocabulary {
  private readonly df = new Map<string, number>();
  private docs = 0;

  get docCount(): number {
    return this.docs;
  }

  addDoc(features: DocFeatures): void {
    this.docs++;
    for (const t of features.terms.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    for (const e of features.entities) this.df.set(`e:${e}`, (this.df.get(`e:${e}`) ?? 0) + 1);
  }

  idf(key: string): number {
    return Math.log((this.docs + priorDocs) / ((this.df.get(key) ?? 0) + 1));
  }
}

function cosine(doc: ReadonlyMap<string, number>, story: StoryProfile, v: Vocabulary): number {
  let dot = 0;
  let docNorm = 0;
  for (const [t, n] of doc) {
    const w = Math.log1p(n) * v.idf(t);
    docNorm += w * w;
    const s = story.terms.get(t);
    if (s !== undefined) dot += w * Math.log1p(s / story.size) * v.idf(t);
  }
  return dot === 0 ? 0 : dot / Math.sqrt(docNorm * storyNorm(story, v));
}

// idf drifts slowly as articles arrive; recomputing a story's norm for every comparison would make the cost
// grow with story size, so it is refreshed when the story changes (insert clears it) or the vocabulary grew 10 %.
function storyNorm(story: StoryProfile, v: Vocabulary): number {
  if (story.norm && v.docCount <= story.norm.docCount * 1.1) return story.norm.value;
  let sum = 0;
  for (const [t, n] of story.terms) {
    const w = Math.log1p(n / story.size) * v.idf(t);
    sum += w * w;
  }
  story.norm = { value: sum, docCount: v.docCount };
  return sum;
}

/** Shared entities weighted by rarity, over the geometric mean of both sides' totals: two reports name the same actors. */
function entityOverlap(doc: ReadonlySet<string>, story: StoryProfile, v: Vocabulary): number {
  let shared = 0;
  let docTotal = 0;
  let storyTotal = 0;
  for (const e of doc) {
    const w = v.idf(`e:${e}`);
    docTotal += w;
    if (story.entities.has(e)) shared += w;
  }
  for (const e of story.entities.keys()) storyTotal += v.idf(`e:${e}`);
  const scale = Math.sqrt(docTotal * storyTotal);
  return scale === 0 ? 0 : shared / scale;
}

/** 0..1: mostly wording (tf-idf cosine), partly who is involved (entity overlap). */
export function similarity(doc: DocFeatures, story: StoryProfile, v: Vocabulary): number {
  return 0.6 * cosine(doc.terms, story, v) + 0.4 * entityOverlap(doc.entities, story, v);
}
