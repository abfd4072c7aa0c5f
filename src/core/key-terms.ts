import { contentTerms, isStopWord, stem, words } from './text/terms.js';

/** A capitalised name sequence found in a text: `text.slice(start, end) === surface` before possessive removal. */
export interface EntityMention {
  readonly surface: string;
  readonly start: number;
  readonly end: number;
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly capitalised: boolean;
}

// Abbreviations keep their dots ("U.S.") so the dot is not mistaken for a sentence end.
const tokenPattern = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
// Arabic/Dutch/French name particles written lower-case inside a name ("Riad al-Malki").
const particlePrefix = /^(?:al|el|bin|ibn|abu|de|di|da|du|la|le|van|von)-\p{Lu}/u;
const connectors = new Set(['of', 'de', 'del', 'der', 'van', 'von', 'bin', 'al', 'la', 'le', 'da', 'di', 'du']);
const honorifics = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col', 'Sgt', 'Capt', 'St']);
// Calendar words are capitalised but name no one; they would make every dated article look related.
const calendarWords = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);
const sentenceEndBefore = /[.!?:\n;]["”’)]*\s*["“‘(]*\s*$/;

function tokenize(text: string): Token[] {
  return Array.from(text.matchAll(tokenPattern), (m) => {
    const word = m[0];
    const first = word[0] ?? '';
    const capitalised = (first !== first.toLowerCase() && first === first.toUpperCase()) || particlePrefix.test(word);
    return { text: word, start: m.index, end: m.index + word.length, capitalised };
  });
}

function isSentenceInitial(text: string, tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (prev && honorifics.has(prev.text)) return false;
  return prev === undefined || sentenceEndBefore.test(text.slice(prev.end, tokens[i]!.start));
}

/** A lone given name like "Chan-il" needs the surname before it, even when that surname is also a stop word ("An"). */
function isHyphenatedGivenName(token: Token | undefined): boolean {
  return token !== undefined && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(token.text);
}

function continuesRun(text: string, prev: Token, next: Token): boolean {
  const gap = text.slice(prev.end, next.start);
  // A possessive ends a name ("Korea’s leader"); so does an abbreviation, whose dot may end the sentence.
  if (/['’]s$/.test(prev.text) || prev.text.endsWith('.')) return false;
  if (gap === ' ') return true;
  // "Workers' Party", "Mr. Kim" (the honorific itself is dropped later).
  return (gap === "' " || gap === '’ ') || (gap === '. ' && honorifics.has(prev.text));
}

function trimMention(text: string, tokens: Token[]): EntityMention | undefined {
  let run = tokens.filter((t) => !honorifics.has(t.text));
  while (run.length > 0 && calendarWords.has(run[0]!.text.toLowerCase())) run = run.slice(1);
  while (run.length > 0 && calendarWords.has(run[run.length - 1]!.text.toLowerCase())) run = run.slice(0, -1);
  if (run.length === 0) return undefined;
  const start = run[0]!.start;
  const last = run[run.length - 1]!;
  const surface = text.slice(start, last.end).replace(/['’]s$/, '').replace(/\s+/g, ' ');
  return { surface, start, end: last.end };
}

/**
 * Capitalised name sequences ("Kim Jong Un", "Korean Central News Agency", "U.S."), in text order with
 * repeats. A capitalised word that only ever appears at the start of a sentence ("Analysts", "Meanwhile")
 * is taken for a common word, and a leading stop word ("The", "In") is dropped.
 */
export function entityMentions(text: string): EntityMention[] {
  const tokens = tokenize(text);
  const midSentenceCapitals = new Set<string>();
  const lowerCaseWords = new Set<string>();
  tokens.forEach((t, i) => {
    if (!t.capitalised) lowerCaseWords.add(t.text);
    else if (!isSentenceInitial(text, tokens, i)) midSentenceCapitals.add(t.text);
  });

  const mentions: EntityMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i]!.capitalised) {
      i++;
      continue;
    }
    const initial = isSentenceInitial(text, tokens, i);
    const run = [tokens[i]!];
    let j = i + 1;
    for (; j < tokens.length; j++) {
      const next = tokens[j]!;
      const prev = run[run.length - 1]!;
      if (next.capitalised && continuesRun(text, prev, next)) run.push(next);
      else if (connectors.has(next.text) && tokens[j + 1]?.capitalised && continuesRun(text, prev, next) && continuesRun(text, next, tokens[j + 1]!)) run.push(next);
      else break;
    }
    while (run.length > 0 && connectors.has(run[run.length - 1]!.text)) run.pop();
    i = j;
    if (initial) {
      const first = run[0]!;
      const lower = first.text.toLowerCase();
      if (isStopWord(lower) && !isHyphenatedGivenName(run[1])) run.shift();
      else if (run.length === 1 && (lowerCaseWords.has(lower) || !midSentenceCapitals.has(first.text))) run.shift();
    }
    const mention = run.length > 0 ? trimMention(text, run) : undefined;
    if (mention) mentions.push(mention);
  }
  return mentions;
}

/** Distinct entity surface forms of `text`, in order of first mention. */
export function entities(text: string): string[] {
  return [...new Set(entityMentions(text).map((m) => m.surface))];
}

/** Lower-case matching key of an entity: "U.S." and "US" meet, "Kim Jong-un" and "Kim Jong Un" too. */
export function entityKey(surface: string): string {
  return words(surface.replace(/\./g, '').replace(/-/g, ' ')).join(' ');
}

// Reporting vocabulary is in every news article; as a key term it would say nothing about the topic.
const newsGeneric = new Set(
  ['said', 'says', 'say', 'told', 'tell', 'report', 'reported', 'according', 'added', 'year', 'years', 'also', 'would', 'could', 'one', 'two', 'new', 'time', 'people', 'like', 'last', 'first', 'many', 'just', 'including', 'percent', 'per', 'cent', 'week', 'day', 'days', 'month', 'months', 'ago', 'since', 'well', 'may', 'might', 'still', 'even', 'much', 'make', 'made', 'get', 'go', 'going', 'back', 'way', 'see', 'take', 'use', 'used', 'know', 'news', 'media', 'official', 'officials', 'analyst', 'analysts', 'nearly', 'three', 'four', 'five', 'six', 'ten'].map(stem),
);

interface Candidate {
  readonly surfaces: Map<string, number>;
  readonly stems: readonly string[];
  count: number;
  readonly docs: Set<number>;
  readonly isEntity: boolean;
}

function addCandidate(pool: Map<string, Candidate>, key: string, stems: readonly string[], surface: string, doc: number, isEntity: boolean): void {
  let candidate = pool.get(key);
  if (!candidate) {
    candidate = { surfaces: new Map(), stems, count: 0, docs: new Set(), isEntity };
    pool.set(key, candidate);
  }
  candidate.count++;
  candidate.docs.add(doc);
  candidate.surfaces.set(surface, (candidate.surfaces.get(surface) ?? 0) + 1);
}

/** Runs of content words between stop words and punctuation, outside names: where topical phrases live. */
function phraseRuns(text: string, mentions: readonly EntityMention[]): string[][] {
  const runs: string[][] = [];
  let current: string[] = [];
  let mentionIndex = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]+/gu)) {
    while (mentionIndex < mentions.length && mentions[mentionIndex]!.end <= m.index) mentionIndex++;
    const mention = mentions[mentionIndex];
    const insideName = mention !== undefined && m.index >= mention.start;
    const word = m[0].toLowerCase();
    if (insideName || !/^[\p{L}]/u.test(word) || word.length < 3 || contentTerms(word).length === 0) {
      if (current.length > 0) runs.push(current);
      current = [];
    } else current.push(word);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

function collectCandidates(texts: readonly string[]): Map<string, Candidate> {
  const pool = new Map<string, Candidate>();
  texts.forEach((text, doc) => {
    const mentions = entityMentions(text);
    for (const mention of mentions) {
      const key = entityKey(mention.surface);
      if (key) addCandidate(pool, `e:${key}`, key.split(' ').map(stem), mention.surface, doc, true);
    }
    for (const run of phraseRuns(text, mentions)) {
      const stems = run.map((w) => contentTerms(w)[0] ?? stem(w));
      run.forEach((word, k) => {
        if (newsGeneric.has(stems[k]!)) return;
        addCandidate(pool, `p:${stems[k]}`, [stems[k]!], word, doc, false);
        const next = run[k + 1];
        if (next !== undefined && !newsGeneric.has(stems[k + 1]!)) addCandidate(pool, `p:${stems[k]} ${stems[k + 1]}`, [stems[k]!, stems[k + 1]!], `${word} ${next}`, doc, false);
      });
    }
  });
  return pool;
}

/** A surname-only mention ("Kim") counts for the full name in the same texts ("Kim Jong Un"). */
function foldShortNames(pool: Map<string, Candidate>): void {
  const names = [...pool.entries()].filter(([, c]) => c.isEntity && c.stems.length > 1);
  for (const [key, candidate] of pool) {
    if (!candidate.isEntity || candidate.stems.length !== 1) continue;
    const owner = names.find(([, c]) => c.stems[0] === candidate.stems[0] || c.stems[c.stems.length - 1] === candidate.stems[0]);
    if (!owner) continue;
    owner[1].count += candidate.count;
    pool.delete(key);
  }
}

function score(c: Candidate, docCount: number): number {
  const spread = docCount > 1 ? c.docs.size / docCount : 1;
  const phraseBonus = c.stems.length > 1 ? (c.count > 1 ? 3 : 0.5) : 1;
  return c.count * (0.5 + spread) * (c.isEntity ? 1.5 : phraseBonus);
}

function mostFrequent(surfaces: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [surface, count] of surfaces) if (count > bestCount) [best, bestCount] = [surface, count];
  return best;
}

/**
 * The `limit` most telling names and phrases of a group of texts, in readable form ("Kim Jong Un",
 * "missile production", "Russia"): frequent across the texts, names weighted up, reporting words left out,
 * and no term whose words are all inside a term already chosen.
 */
export function keyTerms(texts: readonly string[], limit: number): string[] {
  const pool = collectCandidates(texts);
  foldShortNames(pool);
  const ranked = [...pool.values()].sort((a, b) => score(b, texts.length) - score(a, texts.length) || b.stems.length - a.stems.length);
  const chosen: Candidate[] = [];
  for (const candidate of ranked) {
    if (chosen.length >= limit) break;
    if (chosen.some((c) => candidate.stems.every((s) => c.stems.includes(s)))) continue;
    // A phrase replaces the single word it extends ("missile" -> "missile production"), keeping its rank;
    // phrases that overlap a chosen phrase ("advanced military" after "military technology") add nothing.
    const phrases = chosen.filter((c) => !c.isEntity);
    if (!candidate.isEntity && phrases.some((c) => c.stems.length > 1 && c.stems.some((s) => candidate.stems.includes(s)))) continue;
    const extended = chosen.findIndex((c) => !c.isEntity && c.stems.length === 1 && candidate.stems.includes(c.stems[0]!));
    if (extended >= 0 && !candidate.isEntity) chosen[extended] = candidate;
    else chosen.push(candidate);
  }
  return chosen.map((c) => mostFrequent(c.surfaces));
}
