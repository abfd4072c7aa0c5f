import type { ArticleId } from '../../core/article.js';
import { rankClosestIds } from '../closest-ids.js';
import { queryWords } from '../query-words.js';
import type { ArticleStore } from '../store.js';
import type { SearchHit } from '../types.js';
import { createCommonWords } from './common-words.js';
import type { PgPool } from './pool.js';
import { newestAnySql, newestRecentSql, rankedSql } from './search-sql.js';
import { snippet } from './snippet.js';

type ArticleSearch = Pick<ArticleStore, 'search' | 'closestIds'>;

/**
 * ts_rank reads the whole stored tsvector of every row it scores (~5 µs each, most of it un-TOASTing), so
 * ranking every match of a word found in most articles ("said", "year") cost 0.5 s at 100,000 articles. The
 * embedded store's two guards keep it fast at any size, and change nothing for smaller stores:
 * - a word in more than `commonAbove` articles neither narrows nor ranks while rarer words are present; a
 *   search of only such words lists the newest matches;
 * - only the `rankWindow` newest matches are ranked: 200 here against the embedded store's 1,000, because each
 *   row costs several TOAST page reads (bm25 reads only the FTS index), which put p99 near 60 ms at 1,000.
 */
export interface SearchTuning {
  readonly commonAbove: number;
  readonly rankWindow: number;
}
export const defaultSearchTuning: SearchTuning = { commonAbove: 5_000, rankWindow: 200 };

type HitRow = { id: ArticleId; title: string; body: string; score: number };

export function createArticleSearch(pool: PgPool, { commonAbove, rankWindow }: SearchTuning = defaultSearchTuning): ArticleSearch {
  const commonWords = createCommonWords(pool, commonAbove);
  const hits = async (words: readonly string[], sql: string, params: unknown[]): Promise<SearchHit[]> => {
    const { rows } = await pool.query<HitRow>(sql, [...params, ...words]);
    return rows.map((row) => ({ id: row.id, title: row.title, snippet: snippet(row.body, words), score: row.score }));
  };
  const rank = (words: readonly string[], joiner: 'all' | 'any', limit: number) => hits(words, rankedSql(words.length, joiner), [limit, rankWindow]);

  return {
    async search(query, options) {
      const words = queryWords(query);
      if (words.length === 0) return [];
      const limit = Math.min(Math.max(options?.limit ?? 10, 1), 100);
      const common = await commonWords(words);
      const rare = words.filter((word) => !common.has(word));
      if (rare.length === 0) {
        const recent = await hits(words, newestRecentSql(words.length), [limit]);
        return recent.length === limit ? recent : hits(words, newestAnySql(words.length), [limit]);
      }
      const found = await rank(rare, 'all', limit);
      // Every word is required first; when that finds nothing, any of them will do.
      return found.length > 0 || rare.length === 1 ? found : rank(rare, 'any', limit);
    },

    async closestIds(id, limit) {
      const { rows } = await pool.query<{ id: string }>('SELECT id FROM articles');
      return rankClosestIds(id, rows.map((row) => row.id), limit);
    },
  };
}
