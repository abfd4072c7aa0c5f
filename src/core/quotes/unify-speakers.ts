import type { Quote } from '../digest.js';
import { entityMentions } from '../key-terms.js';
import { withoutTitle } from './name-registry.js';

/** Canonical speaker spelling for every spelling variant seen (keys lower-cased), canonical ones included. */
export type SpeakerAliases = ReadonlyMap<string, string>;

/** Letters only, lower-cased: "Kim Jong-un" and "Kim Jong Un" both become "kimjongun". */
function letters(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}]/gu, '');
}

function nameTokens(name: string): string[] {
  return name.toLowerCase().split(/[\s-]+/).filter(Boolean);
}

/** True when `a` becomes `b` by inserting exactly one character (An → Ahn, Pak → Park). */
function oneInsertionApart(a: string, b: string): boolean {
  if (b.length !== a.length + 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i) === b.slice(i + 1);
}

/**
 * Romanisation variants of one person's name: the same letters once hyphens and spaces are ignored
 * ("Kim Jong-un" / "Kim Jong Un"), or one inserted letter ("An Chan-il" / "Ahn Chan-il") when another
 * name part is identical. A substituted letter is not enough ("John Smith" / "Joan Smith" are two people).
 */
export function areNameVariants(a: string, b: string): boolean {
  const [la, lb] = [letters(a), letters(b)];
  if (la === lb) return la.length > 0;
  if (Math.min(la.length, lb.length) < 6 || !(oneInsertionApart(la, lb) || oneInsertionApart(lb, la))) return false;
  const tokensA = nameTokens(a);
  return nameTokens(b).some((t) => t.length > 1 && tokensA.includes(t));
}

function personNames(articleTexts: readonly string[]): string[] {
  return articleTexts.flatMap((text) =>
    entityMentions(text)
      .map((m) => withoutTitle(m.surface).name)
      .filter((name) => name.includes(' ') || name.includes('-')),
  );
}

/**
 * Groups speaker spellings across the articles of a story and picks one spelling per person: the one that
 * speaks in the most quotes, then the most mentioned, then the first seen.
 */
export function speakerAliases(quotes: readonly Quote[], articleTexts: readonly string[]): SpeakerAliases {
  const spoken = new Map<string, number>();
  for (const q of quotes) spoken.set(q.speaker, (spoken.get(q.speaker) ?? 0) + 1);
  const mentioned = new Map<string, number>();
  for (const name of [...spoken.keys(), ...personNames(articleTexts)]) mentioned.set(name, (mentioned.get(name) ?? 0) + 1);

  const groups: string[][] = [];
  for (const name of mentioned.keys()) {
    const group = groups.find((g) => g.some((member) => areNameVariants(member, name)));
    if (group) group.push(name);
    else groups.push([name]);
  }
  const aliases = new Map<string, string>();
  for (const group of groups) {
    const rank = (n: string): [number, number] => [spoken.get(n) ?? 0, mentioned.get(n) ?? 0];
    const canonical = group.reduce((best, n) => {
      const [a, b] = [rank(n), rank(best)];
      return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]) ? n : best;
    });
    for (const name of group) aliases.set(name.toLowerCase(), canonical);
  }
  return aliases;
}

/** The quotes with every speaker written in its story-wide canonical spelling. */
export function unifySpeakers(quotes: readonly Quote[], articleTexts: readonly string[]): Quote[] {
  const aliases = speakerAliases(quotes, articleTexts);
  return quotes.map((q) => {
    const canonical = aliases.get(q.speaker.toLowerCase());
    return canonical && canonical !== q.speaker ? { ...q, speaker: canonical } : q;
  });
}
