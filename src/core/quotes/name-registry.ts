import { entityMentions } from '../key-terms.js';
import { contentTerms } from '../text/terms.js';
import type { SpeakerRef } from './attribution.js';

/** A name as the article introduces it, with the words that describe it ("North Korean leader", "researcher"). */
interface NameMention {
  readonly name: string;
  readonly tokens: readonly string[];
  readonly start: number;
  readonly descriptors: ReadonlySet<string>;
}

// "North Korean leader Kim Jong Un": the title words right before a name, up to a stop word or punctuation.
const titleBefore = /((?:[\p{L}’'-]+ ){1,4})$/u;
// "Doug Pennefather, whose Coolibah Downs station": a relative word before a name opens a clause about
// something else, and describes nothing (the stop-word list keeps "whose" and the like as content).
const relativeWords = new Set(['whose', 'which', 'who', 'whom', 'where', 'when', 'while']);
// "Kim Jong Un, North Korea's supreme leader," / "Ahn Chan-il, a researcher originally from North Korea."
const appositiveAfter = /^,\s+(?:a|an|the)?\s*([^,.;:"“”]{3,80})/u;

function descriptorStems(text: string, start: number, end: number): Set<string> {
  const stems = new Set<string>();
  const before = text.slice(Math.max(0, start - 60), start).match(titleBefore)?.[1] ?? '';
  // Stop at the first stop word from the right: "the North Korean leader" keeps "North Korean leader".
  const titleWords = before.trim().split(' ');
  const kept: string[] = [];
  for (const word of titleWords.reverse()) {
    if (contentTerms(word).length === 0 || relativeWords.has(word.toLowerCase())) break;
    kept.unshift(word);
  }
  for (const term of contentTerms(kept.join(' '))) stems.add(term);
  const appositive = text.slice(end, end + 100).match(appositiveAfter)?.[1] ?? '';
  for (const term of contentTerms(appositive)) stems.add(term);
  return stems;
}

// Capitalised titles run into the name they precede ("Prosecutor Fatou Bensouda"); the name is what follows.
// A title is also what makes the name a newly introduced speaker that "he said" can refer to. Left out on
// purpose: words that also open other names ("Premier League", "Dean Smith", "The Economist").
const titles = new Set(
  'president vice prime minister secretary prosecutor judge general senator governor chancellor king queen prince princess pope chairman chairwoman director chief leader mayor ambassador spokesman spokeswoman spokesperson commander captain lieutenant colonel sergeant officer professor dr mr mrs ms sen rep gov gen lt col sgt capt prof coach manager ceo analyst undersecretary detective inspector sheriff attorney justice'.split(' '),
);

/** Splits "Palestinian Foreign Minister Riad al-Malki" into the name and the title words before it. */
export function withoutTitle(surface: string): { readonly name: string; readonly title: string } {
  const tokens = surface.split(/\s+/);
  let cut = -1;
  tokens.forEach((t, i) => {
    if (i < tokens.length - 1 && titles.has(t.toLowerCase().replace(/\.$/, ''))) cut = i;
  });
  // "Secretary of State Daniel Whitcombe": the department after "of" or "for" is part of the title.
  while (cut >= 0 && /^(?:of|for)$/i.test(tokens[cut + 1] ?? '') && cut + 3 < tokens.length) cut += 2;
  return { name: tokens.slice(cut + 1).join(' '), title: tokens.slice(0, cut + 1).join(' ') };
}

/**
 * Resolves how an article refers to a speaker to the fullest name it gives: "Kim" → "Kim Jong Un",
 * "The North Korean leader" → the person introduced with those words, "he" → the previous speaker.
 */
export class NameRegistry {
  private readonly mentions: NameMention[];

  constructor(text: string) {
    this.mentions = entityMentions(text).map((m) => {
      const { name, title } = withoutTitle(m.surface);
      const descriptors = descriptorStems(text, m.start, m.end);
      for (const term of contentTerms(title)) descriptors.add(term);
      return { name, tokens: name.split(' '), start: m.start, descriptors };
    });
  }

  /** `last` is the previous quote's speaker and where that quote was: a pronoun refers to it unless a person was introduced since. */
  resolve(ref: SpeakerRef, position: number, last: { readonly speaker: string; readonly at: number } | undefined): string | undefined {
    switch (ref.kind) {
      case 'pronoun': {
        const introduced = /^it$/i.test(ref.text) ? undefined : this.lastDescribedPerson(position);
        return introduced && (!last || introduced.start > last.at) ? introduced.name : last?.speaker;
      }
      case 'role':
        // An unresolved capitalised role names an institution itself ("the State Department").
        return this.byRole(ref.text, position) ?? (/^the\s+\p{Lu}/iu.test(ref.text) && /\s\p{Lu}/u.test(ref.text) ? ref.text.replace(/^the\s+/i, '') : undefined);
      case 'name': {
        const { name } = withoutTitle(ref.text);
        // "It said", "This is": a capitalised stop word is no one's name.
        return contentTerms(name).length === 0 ? undefined : this.fullName(name, position);
      }
    }
  }

  /** The longest name that contains this one as its first or last words, nearest before `position`. */
  private fullName(name: string, position: number): string {
    const tokens = name.split(/\s+/);
    const longer = this.mentions.filter(
      (m) =>
        m.tokens.length > tokens.length &&
        (tokens.every((t, i) => m.tokens[i] === t) || tokens.every((t, i) => m.tokens[m.tokens.length - tokens.length + i] === t)),
    );
    return nearest(longer, position)?.name ?? name;
  }

  /** "he said" before any quote: the last person the article introduced with a title or a description. */
  private lastDescribedPerson(position: number): NameMention | undefined {
    return nearest(this.mentions.filter((m) => m.tokens.length > 1 && m.descriptors.size > 0 && m.start < position), position);
  }

  private byRole(roleText: string, position: number): string | undefined {
    const roleStems = contentTerms(roleText);
    const head = roleStems[roleStems.length - 1];
    if (head === undefined) return undefined;
    const described = this.mentions.filter((m) => m.tokens.length > 1 && m.descriptors.has(head));
    if (described.length === 0) return undefined;
    const overlap = (m: NameMention): number => roleStems.filter((s) => m.descriptors.has(s)).length;
    const best = Math.max(...described.map(overlap));
    return nearest(described.filter((m) => overlap(m) === best), position)?.name;
  }
}

/** The last mention before `position`, else the first one after it. */
function nearest(mentions: readonly NameMention[], position: number): NameMention | undefined {
  const before = mentions.filter((m) => m.start < position);
  return before[before.length - 1] ?? mentions[0];
}
