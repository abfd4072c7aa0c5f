import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleIdFor } from '../../../src/core/ids.js';
import { splitSentences } from '../../../src/core/sentences.js';
import type { QuoteSource } from '../../../src/core/quotes/index.js';

const seedsDir = join(import.meta.dirname, '..', '..', '..', 'seeds');

/** The two seed files as raw text (the article parser is not needed to find quotes in them). */
export const seedTexts: readonly string[] = ['000_814867405d2e95ac.txt', '001_584bd946d38e3076.txt'].map((f) => readFileSync(join(seedsDir, f), 'utf8'));

export function sourceOf(body: string): QuoteSource {
  return { id: articleIdFor(body), body, sentences: splitSentences(body) };
}
