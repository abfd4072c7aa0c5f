import { porterStem } from './porter-stemmer.js';

/**
 * rouge_score's DefaultTokenizer with use_stemmer=True: lower-case, every run of characters outside
 * [a-z0-9] becomes a space, split, Porter-stem tokens longer than three characters. Stems are memoised
 * because scoring a dev set stems the same few thousand words over and over.
 */
const stemCache = new Map<string, string>();
const maxCachedStems = 100_000;

function cachedStem(token: string): string {
  let stemmed = stemCache.get(token);
  if (stemmed === undefined) {
    stemmed = porterStem(token);
    if (stemCache.size < maxCachedStems) stemCache.set(token, stemmed);
  }
  return stemmed;
}

export function rougeTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const raw of text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').split(' ')) {
    if (raw.length === 0) continue;
    tokens.push(raw.length > 3 ? cachedStem(raw) : raw);
  }
  return tokens;
}
