/**
 * Who a quote is attributed to, as the article words it: a name ("Ahn Chan-il", "Kim"), a pronoun ("he")
 * or a role ("The North Korean leader"). Resolving that to a full name is the name registry's job.
 */
export type SpeakerRef =
  | { readonly kind: 'name'; readonly text: string }
  | { readonly kind: 'pronoun'; readonly text: string }
  | { readonly kind: 'role'; readonly text: string };

export interface Attribution {
  readonly speaker: SpeakerRef;
  /** True when the text before the quote is a reporting frame ("X said:") or nothing: the quote is a whole utterance. */
  readonly framed: boolean;
}

const name = String.raw`\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:al|bin|de|van|von)\s+)?\p{Lu}[\p{L}\p{M}'’.-]*){0,3}`;
const role = String.raw`[Tt]he\s+(?:[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+`;
const pronoun = String.raw`[Hh]e|[Ss]he|[Tt]hey|[Ii]t`;
const subject = `(?:(?<pronoun>${pronoun})|(?<name>${name})|(?<role>${role}))`;
const verb = String.raw`(?:(?:has|had|also|later|then)\s+)?(?:said|says|added|adds|told|tells|stated|noted|explained|warned|argued|insisted|claimed|wrote|writes|commented|remarked|continued|declared|emphasi[sz]ed|stressed|urged|asked|replied|recalled|concluded|acknowledged|announced|tweeted|posted)\b`;

const subjectThenVerbAfter = new RegExp(String.raw`^\s*,?\s*${subject}\s+${verb}`, 'u');
const verbThenSubjectAfter = new RegExp(String.raw`^\s*,?\s*${verb}\s+${subject}`, 'u');
const accordingTo = new RegExp(String.raw`according\s+to\s+${subject}`, 'u');
const frameBefore = new RegExp(String.raw`${subject}\s+${verb}\s*[:,]?\s*$`, 'u');
const subjectVerbAnywhere = new RegExp(String.raw`(?:^|[\s,;(])${subject}\s+${verb}`, 'gu');

function speakerOf(match: RegExpMatchArray | null | undefined): SpeakerRef | undefined {
  const groups = match?.groups;
  if (!groups) return undefined;
  if (groups.pronoun) return { kind: 'pronoun', text: groups.pronoun };
  // A full stop after a name ends the sentence; only an initial ("F.") keeps its dot.
  if (groups.name) return { kind: 'name', text: groups.name.replace(/['’]s$/, '').replace(/(\p{L}{2,})\.$/u, '$1') };
  if (groups.role) return { kind: 'role', text: groups.role };
  return undefined;
}

/**
 * `before` is the sentence text up to the opening mark, `after` the text from the closing mark to the end of
 * the sentence, `inner` the quoted words. Attribution right after the quote wins ("…," Kim said), then a
 * frame before it (Kim said: "…"), then any reporting clause in the same sentence (the leader said they
 * needed "…"), then "according to".
 */
export function attribute(before: string, inner: string, after: string): Attribution | undefined {
  const framed = before.trim() === '' || (frameBefore.test(before) && /^\s*\p{Lu}/u.test(inner));
  // After a quote closed with a full stop a new sentence begins, which is not an attribution of this quote.
  const closedSentence = /[.]\s*$/.test(inner);
  const speaker =
    (closedSentence ? undefined : speakerOf(after.match(subjectThenVerbAfter)) ?? speakerOf(after.match(verbThenSubjectAfter))) ??
    speakerOf(before.match(frameBefore)) ??
    speakerOf([...before.matchAll(subjectVerbAnywhere)].pop()) ??
    speakerOf(before.match(accordingTo)) ??
    (closedSentence ? undefined : speakerOf(after.match(accordingTo)));
  return speaker ? { speaker, framed } : undefined;
}
