import { normalizeId } from '../plan-write.js';
import { queryWords } from '../query-words.js';
import type { ArticleStore } from '../store.js';
import type { IdChoice } from '../types.js';
import { matchAllWords, matchTyping } from './fts-query.js';
import type { SqliteDatabase } from './open-database.js';

const maxChoices = 25;

/**
 * Autocomplete answers on every keystroke, so it must stay cheap at any store size. bm25 cannot: for its idf
 * it reads the whole document list of every typed word, and an unfinished word ("rep", "s") is in most
 * titles, which cost 20-65 ms at 100,000 articles. FTS5 walks its matches newest first and stops at the
 * limit, so that is the order; titles where the last word is already whole come before those where it is
 * only the start of a word, which is the ranking signal that still means something on a short title.
 */
export function createTitleCompletions(db: SqliteDatabase): Pick<ArticleStore, 'completeIds'> {
  // CROSS JOIN keeps the FTS walk outermost, so it stops after `limit` matches.
  const newestTitled = db.prepare<[string, number], IdChoice>(
    `SELECT a.id, a.title FROM (SELECT rowid FROM titles_fts WHERE titles_fts MATCH ? ORDER BY rowid DESC LIMIT ?) AS hit
     CROSS JOIN articles a ON a.seq = hit.rowid ORDER BY hit.rowid DESC`,
  );
  // ids are lower-case base32, so every id starting with p sorts in [p, p + "~").
  const idsStarting = db.prepare<[string, string, number], IdChoice>('SELECT id, title FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT ?');
  const newest = db.prepare<[number], IdChoice>('SELECT id, title FROM articles ORDER BY updated_at DESC, seq DESC LIMIT ?');

  return {
    async completeIds(prefixOrWords, limit) {
      const max = Math.min(Math.max(limit, 0), maxChoices);
      if (max === 0) return [];
      const typed = normalizeId(prefixOrWords);
      if (typed === '') return newest.all(max);
      const choices = /^[a-z0-9]{1,8}$/.test(typed) ? idsStarting.all(typed, `${typed}~`, max) : [];
      const words = queryWords(prefixOrWords);
      if (words.length === 0) return choices;
      const seen = new Set(choices.map((c) => c.id));
      for (const match of [matchAllWords(words), matchTyping(words)]) {
        if (choices.length >= max) break;
        for (const choice of newestTitled.all(match, max)) {
          if (choices.length < max && !seen.has(choice.id)) {
            seen.add(choice.id);
            choices.push(choice);
          }
        }
      }
      return choices;
    },
  };
}
