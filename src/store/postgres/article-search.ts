import type { ArticleId } from '../../core/article.js';
import { rankClosestIds } from '../closest-ids.js';
import { normalizeId } from '../plan-write.js';
import { queryWords } from '../query-words.js';
import type { ArticleStore } from '../store.js';
import type { IdChoice, SearchHit } from '../types.js';
import type { PgPool } from './pool.js';
import { matchWords, typingQuery } from './ts-query.js';

type ArticleSearch = Pick<ArticleStore, 'search' | 'completeIds' | 'closestIds'>;

/** ts_rank weights {D, C, B, A}: a title word (A) counts four times a body word (B), as in the embedded store. */
const weights = '{0.1, 0.2, 0.25, 1.0}';
const headline = 'StartSel=«, StopSel=», MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…';
const maxChoices = 25;

/**
 * The ranked rows are chosen first (GIN index, then LIMIT); the costly ts_headline snippet is made only for
 * the rows returned.
 */
function searchSql(count: number, joiner: 'all' | 'any'): string {
  return `WITH q AS (SELECT ${matchWords(count, joiner, 2)} AS query),
    hit AS (SELECT a.seq, ts_rank('${weights}', a.search, q.query) AS score FROM articles a, q
            WHERE a.search @@ q.query ORDER BY score DESC, a.seq LIMIT $1)
  SELECT a.id, a.title, ts_headline('english', a.body, q.query, '${headline}') AS snippet, hit.score
  FROM hit JOIN articles a ON a.seq = hit.seq, q ORDER BY hit.score DESC, hit.seq`;
}

export function createArticleSearch(pool: PgPool): ArticleSearch {
  const ranked = async (words: readonly string[], joiner: 'all' | 'any', limit: number): Promise<SearchHit[]> => {
    const { rows } = await pool.query<{ id: ArticleId; title: string; snippet: string; score: number }>(searchSql(words.length, joiner), [limit, ...words]);
    return rows;
  };
  const choices = async (sql: string, params: unknown[]): Promise<IdChoice[]> => (await pool.query<{ id: ArticleId; title: string }>(sql, params)).rows;

  return {
    async search(query, options) {
      const words = queryWords(query);
      if (words.length === 0) return [];
      const limit = Math.min(Math.max(options?.limit ?? 10, 1), 100);
      const hits = await ranked(words, 'all', limit);
      // Every word is required first; when that finds nothing, any of them will do.
      return hits.length > 0 || words.length === 1 ? hits : ranked(words, 'any', limit);
    },

    async completeIds(prefixOrWords, limit) {
      const max = Math.min(Math.max(limit, 0), maxChoices);
      if (max === 0) return [];
      const typed = normalizeId(prefixOrWords);
      // ids are lower-case base32, so every id starting with p sorts (bytewise: the text_pattern_ops index) in [p, p + "~").
      if (typed === '') return choices('SELECT id, title FROM articles ORDER BY updated_at DESC, seq DESC LIMIT $1', [max]);
      const found = /^[a-z0-9]{1,8}$/.test(typed) ? await choices('SELECT id, title FROM articles WHERE id ~>=~ $1 AND id ~<~ $2 ORDER BY id LIMIT $3', [typed, `${typed}~`, max]) : [];
      const words = queryWords(prefixOrWords);
      if (found.length < max && words.length > 0) {
        const seen = new Set(found.map((c) => c.id));
        const titled = await choices(
          `SELECT id, title FROM articles, to_tsquery('simple', $1) AS q WHERE title_words @@ q
           ORDER BY ts_rank(title_words, q) DESC, seq LIMIT $2`,
          [typingQuery(words), max],
        );
        for (const choice of titled) if (found.length < max && !seen.has(choice.id)) found.push(choice);
      }
      return found;
    },

    async closestIds(id, limit) {
      const { rows } = await pool.query<{ id: string }>('SELECT id FROM articles');
      return rankClosestIds(id, rows.map((row) => row.id), limit);
    },
  };
}
