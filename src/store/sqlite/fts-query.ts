/**
 * FTS5 MATCH strings built only from quoted words: user text is never parsed as query syntax, so `"`, `*`,
 * `NEAR`, `-` or `:` in a search are plain characters, not errors.
 */
function phrase(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}

export function matchAllWords(words: readonly string[]): string {
  return words.map(phrase).join(' AND ');
}

export function matchAnyWord(words: readonly string[]): string {
  return words.map(phrase).join(' OR ');
}

/** For autocomplete (on the title-only index): every word, the last one possibly unfinished. */
export function matchTyping(words: readonly string[]): string {
  return words.map((w, i) => (i === words.length - 1 ? `${phrase(w)}*` : phrase(w))).join(' AND ');
}
