/**
 * How a word followed by a full stop behaves at a possible sentence end. Keys are lower-case with inner
 * dots kept ("u.s", "a.m"). News style: titles always precede a name; "No."/months precede numbers; the
 * rest can end a sentence ("... for Apple Inc. The company ...") and are decided by the next word.
 */
export type AbbreviationKind = 'title' | 'before-number' | 'place' | 'ambiguous';

const titles = [
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'gov', 'sen', 'rep', 'reps', 'gen', 'col', 'lt', 'sgt', 'capt', 'maj',
  'adm', 'cmdr', 'cpl', 'pvt', 'rev', 'hon', 'pres', 'supt', 'insp', 'det', 'atty', 'fr', 'mme', 'mlle', 'vs', 'v',
  'e.g', 'i.e', 'cf', 'approx', 'ca', 'esp', 'incl',
];
const beforeNumber = [
  'no', 'nos', 'vol', 'vols', 'pp', 'p', 'fig', 'figs', 'art', 'sec', 'ch', 'op', 'ed', 'para', 'tel',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
];
const ambiguous = [
  'inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'bros', 'jr', 'sr', 'st', 'mt', 'ft', 'ave', 'blvd', 'rd', 'hwy',
  'etc', 'al', 'dept', 'univ', 'assn', 'est', 'a.m', 'p.m',
];
// Places used as adjectives in front of names: "U.S. Virgin Islands", "D.C. Police Chief".
const places = ['u.s', 'u.n', 'u.k', 'e.u', 'u.s.a', 'd.c'];

const kinds = new Map<string, AbbreviationKind>([
  ...titles.map((w) => [w, 'title'] as const),
  ...beforeNumber.map((w) => [w, 'before-number'] as const),
  ...ambiguous.map((w) => [w, 'ambiguous'] as const),
  ...places.map((w) => [w, 'place'] as const),
]);

// Most words before a full stop are longer than any abbreviation, and need no lower-casing or lookup
// (lower-casing never shortens a word).
const longest = Math.max(...[...kinds.keys()].map((k) => k.length));

/** The kind of `word` (any case) as an abbreviation, if it is one. */
export function abbreviationKind(word: string): AbbreviationKind | undefined {
  return word.length > longest ? undefined : kinds.get(word.toLowerCase());
}

/**
 * Words that commonly open a news sentence. After an ambiguous abbreviation or an initial, a capitalised
 * next word from this list means a new sentence ("... in the U.S. The talks"), any other capitalised word
 * means the abbreviation sits inside a name ("U.S. President", "J. K. Rowling").
 */
const functionStarters = new Set([
  'a', 'about', 'after', 'again', 'all', 'also', 'although', 'among', 'an', 'and', 'another', 'any', 'as', 'at',
  'because', 'before', 'both', 'but', 'by', 'despite', 'during', 'each', 'earlier', 'even', 'every',
  'few', 'following', 'for', 'from', 'he', 'her', 'here', 'his', 'how', 'however', 'i', 'if', 'in',
  'instead', 'it', 'its', 'last', 'later', 'many', 'meanwhile', 'more', 'most', 'mr', 'mrs', 'ms', 'my', 'neither', 'no', 'nor', 'not',
  'now', 'on', 'one', 'only', 'other', 'our', 'over', 'she', 'since', 'so', 'some', 'still',
  'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'those', 'though', 'thus', 'to', 'today',
  'two', 'under', 'unlike', 'until', 'we', 'what', 'when', 'where', 'whether', 'which', 'while', 'who', 'why', 'with',
  'without', 'yesterday', 'yet', 'you', 'your',
]);

// Nouns that often open a news sentence but also continue a place's name ("D.C. Police").
const nounStarters = new Set(['authorities', 'experts', 'officials', 'police', 'prosecutors', 'residents', 'witnesses']);

export function isSentenceStarter(wordLower: string, afterPlace: boolean): boolean {
  return functionStarters.has(wordLower) || (!afterPlace && nounStarters.has(wordLower));
}
