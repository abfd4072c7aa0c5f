import type { ArticleId } from '../../core/article.js';
import { normalizeId } from '../plan-write.js';
import { queryWords } from '../query-words.js';
import type { ArticleStore } from '../store.js';
import type { IdChoice } from '../types.js';
import type { PgPool } from './pool.js';
import { typingQuery } from './ts-query.js';

const maxChoices = 25;

/**
 * Autocomplete answers on every keystroke, so it must stay cheap at any store size: ts_rank would score every
 * title with the typed words, and an unfinished word ("rep", "s") is in most of them. As in the embedded
 * store, matches come newest first (a backward walk of the primary key that stops at the limit, or the GIN
 * index when the words are rare), titles where the last word is already whole before those it only starts.
 */
export function createTitleCompletions(pool: PgPool): Pick<ArticleStore, 'completeIds'> {
  const choices = async (sql: string, params: unknown[]): Promise<IdChoice[]> => (await pool.query<{ id: ArticleId; title: string }>(sql, params)).rows;

  return {
    async completeIds(prefixOrWords, limit) {
      const max = Math.min(Math.max(limit, 0), maxChoices);
      if (max === 0) return [];
      const typed = normalizeId(prefixOrWords);
      if (typed === '') return choices('SELECT id, title FROM articles ORDER BY updated_at DESC, seq DESC LIMIT $1', [max]);
      // ids are lower-case base32, so every id starting with p sorts (bytewise: the text_pattern_ops index) in [p, p + "~").
      // Ordered by that index's own operator: ORDER BY id (collation order) walked the unique index instead, 50 ms for "s".
      const found = /^[a-z0-9]{1,8}$/.test(typed)
        ? await choices('SELECT id, title FROM articles WHERE id ~>=~ $1 AND id ~<~ $2 ORDER BY id USING ~<~ LIMIT $3', [typed, `${typed}~`, max])
        : [];
      const words = queryWords(prefixOrWords);
      if (words.length === 0) return found;
      const seen = new Set(found.map((c) => c.id));
      for (const lastIsPrefix of [false, true]) {
        if (found.length >= max) break;
        const titled = await choices("SELECT id, title FROM articles WHERE title_words @@ to_tsquery('simple', $1) ORDER BY seq DESC LIMIT $2", [
          typingQuery(words, lastIsPrefix),
          max,
        ]);
        for (const choice of titled) {
          if (found.length < max && !seen.has(choice.id)) {
            seen.add(choice.id);
            found.push(choice);
          }
        }
      }
      return found;
    },
  };
}
