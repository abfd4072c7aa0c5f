import type { PgPool } from './pool.js';

/** How long the common lexemes read from pg_stats are reused: they change only when `articles` is analyzed again. */
const statisticsMaxAgeMs = 60_000;

/**
 * Which of the query words are in more than `commonAbove` articles, from the statistics of the last ANALYZE:
 * pg_stats keeps the share of articles of the ~1,000 most common lexemes of `search` (the list of shares ends
 * with three summary values, which pair with no lexeme). Counting matches in the GIN index instead would cost
 * as much as the search it is meant to spare. Reading pg_stats (a view the planner works hard on) costs ~2 ms,
 * so its answer is reused; without statistics no word is common.
 */
export function createCommonWords(pool: PgPool, commonAbove: number): (words: readonly string[]) => Promise<ReadonlySet<string>> {
  let cached: { readonly at: number; readonly lexemes: Promise<ReadonlySet<string>> } | undefined;

  const commonLexemes = (): Promise<ReadonlySet<string>> => {
    if (cached === undefined || Date.now() - cached.at > statisticsMaxAgeMs) {
      const lexemes = readCommonLexemes(pool, commonAbove);
      const entry = { at: Date.now(), lexemes };
      cached = entry;
      // A failed read is retried by the next search rather than kept for a minute.
      lexemes.catch(() => {
        if (cached === entry) cached = undefined;
      });
    }
    return cached.lexemes;
  };

  return async (words) => {
    const common = await commonLexemes();
    if (common.size === 0) return new Set();
    // The lexemes plainto_tsquery makes of each word (none for a stop word, several for "e-mail").
    const { rows } = await pool.query<{ word: string; lexemes: string[] }>(
      "SELECT w AS word, tsvector_to_array(to_tsvector('english', w)) AS lexemes FROM unnest($1::text[]) AS w",
      [words],
    );
    return new Set(rows.filter((r) => r.lexemes.length > 0 && r.lexemes.every((l) => common.has(l))).map((r) => r.word));
  };
}

async function readCommonLexemes(pool: PgPool, commonAbove: number): Promise<ReadonlySet<string>> {
  const { rows } = await pool.query<{ lexeme: string }>(
    `SELECT e.lexeme FROM pg_stats s, pg_class c, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(lexeme, share)
     WHERE s.schemaname = current_schema() AND s.tablename = 'articles' AND s.attname = 'search'
       AND c.oid = 'articles'::regclass AND e.lexeme IS NOT NULL AND e.share * c.reltuples > $1`,
    [commonAbove],
  );
  return new Set(rows.map((r) => r.lexeme));
}
