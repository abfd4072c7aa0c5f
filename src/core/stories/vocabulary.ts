import type { DocFeatures } from './features.js';

// Pseudo-documents in the idf: with few articles seen, every term weighs about the same instead of the
// first two articles' shared words counting for nothing.
const priorDocs = 50;

/**
 * Document frequencies of terms and entities, updated as articles arrive. Terms and entities are numbered
 * (each in its own series), so that stories and scratch arrays hold small integers instead of strings.
 */
export class Vocabulary {
  private readonly termIds = new Map<string, number>();
  private readonly entityIds = new Map<string, number>();
  private readonly termDf: number[] = [];
  private readonly entityDf: number[] = [];
  private docs = 0;

  get docCount(): number {
    return this.docs;
  }

  termId(term: string): number {
    return intern(this.termIds, this.termDf, term);
  }

  entityId(key: string): number {
    return intern(this.entityIds, this.entityDf, key);
  }

  addDoc(features: DocFeatures): void {
    this.docs++;
    for (const t of features.terms) this.termDf[t]!++;
    for (const e of features.entities) this.entityDf[e]!++;
  }

  termIdf(id: number): number {
    return this.idf(this.termDf[id]!);
  }

  entityIdf(id: number): number {
    return this.idf(this.entityDf[id]!);
  }

  private idf(df: number): number {
    return Math.log((this.docs + priorDocs) / (df + 1));
  }
}

function intern(ids: Map<string, number>, df: number[], key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = df.length;
    ids.set(key, id);
    df.push(0);
  }
  return id;
}
