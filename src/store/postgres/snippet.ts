import { stem } from '../../core/text/terms.js';

const windowTokens = 16;
const tokenPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

const termOf = (token: string) => stem(token.toLowerCase().replace(/['’]s$/, ''));

/**
 * The search snippet, in the embedded store's format: 16 words of the body around the query's words, those
 * marked «so», with … where the body was cut. Made here rather than by ts_headline, which parses the whole
 * body again with the text-search parser and dictionary (about 0.7 ms a 4 KB article, ten per page).
 * Words match by Porter stem, close enough to PostgreSQL's english stemming to find what it matched.
 */
export function snippet(body: string, queryWords: readonly string[]): string {
  const wanted = new Set(queryWords.map(termOf));
  const tokens = [...body.matchAll(tokenPattern)].map((m) => {
    const term = termOf(m[0]);
    return { start: m.index, end: m.index + m[0].length, term: wanted.has(term) ? term : undefined };
  });
  if (tokens.length === 0) return '';
  const matched = tokens.flatMap((t, i) => (t.term === undefined ? [] : [i]));
  // The window richest in distinct query words (then in matches), earliest first.
  let best = { first: 0, last: -1, score: -1 };
  for (const first of matched) {
    const inside = matched.filter((i) => i >= first && i < first + windowTokens);
    const score = new Set(inside.map((i) => tokens[i]!.term)).size * 1000 + inside.length;
    if (score > best.score) best = { first, last: inside.at(-1)!, score };
  }
  const slack = windowTokens - (best.last - best.first + 1);
  const sentenceStart = (i: number) => i === 0 || /[.!?]["'”’)]*\s*$/.test(body.slice(tokens[i - 1]!.end, tokens[i]!.start));
  let start = Math.max(0, best.first - Math.floor(slack / 2));
  for (let i = best.first; i >= Math.max(0, best.first - slack); i--) {
    if (sentenceStart(i)) {
      start = i;
      break;
    }
  }
  start = Math.max(0, Math.min(start, tokens.length - windowTokens));
  const end = Math.min(tokens.length, start + windowTokens);
  let text = start > 0 ? '…' : '';
  for (let i = start; i < end; i++) {
    const token = tokens[i]!;
    const word = body.slice(token.start, token.end);
    text += token.term === undefined ? word : `«${word}»`;
    if (i + 1 < end) text += body.slice(token.end, tokens[i + 1]!.start);
  }
  text += end < tokens.length ? '…' : body.slice(tokens[end - 1]!.end);
  return text.replace(/\s+/g, ' ').trim();
}
