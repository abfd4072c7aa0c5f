import type { ArticleId } from '../../core/article.js';
import { rankClosestIds } from '../closest-ids.js';
import { queryWords } from '../query-words.js';
import type { ArticleStore } from '../store.js';
import type { SearchHit } from '../types.js';
import { matchAllWords, matchAnyWord } from './fts-query.js';
import type { SqliteDatabase } from './open-database.js';

type ArticleSearch = Pick<ArticleStore, 'search' | 'closestIds'>;

/** A title word counts four times a body word: a headline names what the article is about. */
const ranking = 'bm25(articles_fts, 4.0, 1.0)';
/**
 * bm25 reads the whole document list of every query word (for its idf) and scores every matching row, so a
 * word found in most articles ("said", "year") costs milliseconds per query at 100,000 articles. Two guards
 * keep search fast at any size, and change nothing for smaller stores:
 * - a word in more than `commonAbove` articles neither narrows nor ranks while rarer words are present
 *   (like a stop word: it is in most of them anyway); a search of only such words lists the newest matches;
 * - only the `rankWindow` newest matches are ranked (news: the best of the recent ones).
 */
export interface SearchTuning {
  readonly commonAbove: number;
  readonly rankWindow: number;
}
export const defaultSearchTuning: SearchTuning = { commonAbove: 5_000, rankWindow: 1_000 };

type HitRow = { id: ArticleId; title: string; snippet: string; score: number };

const snippet = "snippet(articles_fts, 1, '«', '»', '…', 16)";

export function createArticleSearch(db: SqliteDatabase, { commonAbove, rankWindow }: SearchTuning = defaultSearchTuning): ArticleSearch {
  // "More than N matches?" reads them in index order, which FTS5 walks forward without buffering.
  const beyondFirst = db.prepare<[string, number], number>('SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1 OFFSET ?').pluck();
  /*
   * `hit`: the window's newest matches scored, the best kept (ties: newest first). The window is a LIMIT, not
   * `rowid >= ?`: better-sqlite3 binds a JavaScript number as REAL, and FTS5 ignores a rowid bound that is not
   * an INTEGER, so such a window walked and filtered every match. `excerpt`: snippets, for the kept rows
   * only, in one pass over the matches between the oldest and newest of them; joining each hit back to
   * articles_fts by rowid instead runs the match again per hit. The `+` keeps `rowid IN` from FTS5, which
   * would turn it into those per-row runs. Together: about half the time of a ranked search at 100,000 articles.
   */
  const ranked = db.prepare<{ match: string; window: number; limit: number }, HitRow>(
    `WITH hit AS MATERIALIZED (
       SELECT rowid, score FROM (
         SELECT rowid, -${ranking} AS score FROM articles_fts WHERE articles_fts MATCH @match ORDER BY rowid DESC LIMIT @window)
       ORDER BY score DESC, rowid DESC LIMIT @limit),
     excerpt AS MATERIALIZED (
       SELECT rowid, ${snippet} AS snippet FROM articles_fts
       WHERE articles_fts MATCH @match AND rowid BETWEEN (SELECT min(rowid) FROM hit) AND (SELECT max(rowid) FROM hit)
         AND +rowid IN (SELECT rowid FROM hit))
     SELECT a.id, a.title, excerpt.snippet, hit.score
     FROM hit JOIN excerpt ON excerpt.rowid = hit.rowid JOIN articles a ON a.seq = hit.rowid
     ORDER BY hit.score DESC, hit.rowid DESC`,
  );
  const newestMatches = db.prepare<{ match: string; limit: number }, HitRow>(
    `SELECT a.id, a.title, hit.snippet, 0 AS score
     FROM (SELECT rowid, ${snippet} AS snippet FROM articles_fts
           WHERE articles_fts MATCH @match ORDER BY rowid DESC LIMIT @limit) AS hit
     JOIN articles a ON a.seq = hit.rowid ORDER BY hit.rowid DESC`,
  );
  const isCommon = (word: string) => beyondFirst.get(matchAllWords([word]), commonAbove) !== undefined;
  const rank = (match: string, limit: number): SearchHit[] => ranked.all({ match, window: rankWindow, limit });

  const allIds = db.prepare<[], string>('SELECT id FROM articles').pluck();

  return {
    async search(query, options) {
      const words = queryWords(query);
      if (words.length === 0) return [];
      const limit = Math.min(Math.max(options?.limit ?? 10, 1), 100);
      const rare = words.filter((word) => !isCommon(word));
      if (rare.length === 0) return newestMatches.all({ match: matchAllWords(words), limit });
      const hits = rank(matchAllWords(rare), limit);
      // Every word is required first; when that finds nothing, any of them will do.
      return hits.length > 0 || rare.length === 1 ? hits : rank(matchAnyWord(rare), limit);
    },

    async closestIds(id, limit) {
      return rankClosestIds(id, allIds.iterate(), limit);
    },
  };
}
