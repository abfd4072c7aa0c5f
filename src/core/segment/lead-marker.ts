/**
 * The source prefix and dateline that open many wire and CNN stories: "(CNN)The ...", "New Delhi (CNN)An ...",
 * "WASHINGTON (Reuters) - ...", "SEOUL, Dec 26 (AFP) - ...", "NEW DELHI, Dec 2 (PTI) A ...", "SEOUL: ...",
 * "MILAN/FRANKFURT, March 10 (Reuters) - ..." (a story filed from two cities), "MADRID, March 12 (EFE).- ..." (EFE's
 * Spanish-style separator).
 * The segmenter keeps them inside the first sentence; parsing and headlines use this to read them as metadata
 * or to leave them out.
 */
export interface LeadMarker {
  readonly start: number;
  /** Where the story's own words begin (separator and spaces skipped). */
  readonly end: number;
  /** The place as written, e.g. "SEOUL", "Nairobi, Kenya". */
  readonly dateline?: string;
  /** The outlet named in parentheses, e.g. "CNN", "Reuters". */
  readonly source?: string;
}

// Bounded repetitions and disjoint pieces: no pattern here can backtrack more than a few dozen steps.
const titleWords = String.raw`[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}`;
const capsWords = String.raw`[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}`;
const cities = String.raw`${titleWords}(?:/${titleWords}){0,2}`;
const date = String.raw`(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})`;
const separator = String.raw`(?:\s*(?:--|[—–])\s*|\s+-\s+|:\s+|\.-\s*)`;
// An outlet is capitalised, but for dpa, which writes its name in lower case.
const withSource = new RegExp(
  String.raw`(?:(?<place>${cities}(?:, ${titleWords}){0,2})(?:, (?<date>${date}))? ?)?\((?<source>[A-Z][A-Za-z0-9.&'’ -]{0,29}|dpa)\)(?:${separator}|\s+)?`,
  'y',
);
const capsOnly = new RegExp(String.raw`(?<place>${capsWords}(?:, ${titleWords})?)(?:, (?<date>${date}))?${separator}`, 'y');

export function findLeadMarker(text: string, from = 0): LeadMarker | undefined {
  for (const pattern of [withSource, capsOnly]) {
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    if (match === null) continue;
    const end = from + match[0].length;
    // A marker introduces a story: something must follow, and "(CNN)" must not be a whole sentence.
    if (end >= text.length || !/[\p{L}\p{N}"“‘']/u.test(text[end]!)) continue;
    const { place, source } = match.groups ?? {};
    return { start: from, end, ...(place ? { dateline: place } : {}), ...(source ? { source: source.trim() } : {}) };
  }
  return undefined;
}
