/**
 * tsquery SQL built from the user's words, each bound as a parameter and parsed by plainto_tsquery: user text
 * is never read as query syntax, so `&`, `|`, `!`, `:*` or quotes in a search are plain characters.
 * `first` is the number of the first parameter ($first).
 */
export function matchWords(count: number, joiner: 'all' | 'any', first = 1): string {
  const operator = joiner === 'all' ? ' && ' : ' || ';
  return Array.from({ length: count }, (_, i) => `plainto_tsquery('english', $${first + i})`).join(operator);
}

/**
 * For autocomplete on `title_words` (simple dictionary): every word, the last one whole or, with `lastIsPrefix`,
 * possibly unfinished. Each word is a quoted lexeme ('' and \\ escaped), so nothing in it is tsquery syntax.
 */
export function typingQuery(words: readonly string[], lastIsPrefix: boolean): string {
  const lexeme = (w: string) => `'${w.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
  return words.map((w, i) => (lastIsPrefix && i === words.length - 1 ? `${lexeme(w)}:*` : lexeme(w))).join(' & ');
}
