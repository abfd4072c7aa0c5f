import type { ArticleId } from '../../core/article.js';
import { fastContentHash } from '../content-hash.js';
import { canonicalMeta, checkInput, idCandidatesOfHash, idCollision, planWrite } from '../plan-write.js';
import type { ArticleInput, WriteResult } from '../types.js';
import { createArticleIndexer } from './article-index.js';
import { knownColumns, toKnownArticle, type KnownRow } from './article-rows.js';
import type { SqliteDatabase } from './open-database.js';

type LookupRow = { readonly [K in keyof KnownRow]: KnownRow[K] | null } & { readonly mapped: string | null; readonly preferred_taken: 0 | 1 };

/**
 * Builds the batch writer: prepared statements once, each batch in one transaction (so a failure leaves
 * nothing of it behind). With WAL, a committed transaction is durable against the process being killed.
 */
export function createArticleWriter(db: SqliteDatabase, now: () => Date): (batch: readonly ArticleInput[]) => WriteResult[] {
  /*
   * What a write decides on, in one statement, because each statement is a round trip between JavaScript and
   * SQLite and this runs for every article: the article with this content (its columns all null when there is
   * none), the article the origin points to, and whether the preferred id of new content is taken already.
   */
  const lookup = db.prepare<[string, string, string], LookupRow>(
    `SELECT ${knownColumns},
       (SELECT article_id FROM article_origins WHERE origin_key = ?) AS mapped,
       EXISTS (SELECT 1 FROM articles WHERE id = ?) AS preferred_taken
     FROM (SELECT 1) LEFT JOIN articles ON content_hash = ?`,
  );
  const byId = db.prepare<[string], KnownRow>(`SELECT ${knownColumns} FROM articles WHERE id = ?`);
  const idTaken = db.prepare<[string], number>('SELECT 1 FROM articles WHERE id = ?').pluck();
  const insert = db.prepare<[string, string, string, string, number, string, string, string, string]>(
    `INSERT INTO articles (id, version, origin_key, content_hash, title, title_is_own, body, meta, story_id, ingested_at, updated_at)
     VALUES (?, 1, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  const update = db.prepare<[string, string, number, string, string, string, string]>(
    `UPDATE articles SET version = version + 1, content_hash = ?, title = ?, title_is_own = ?, body = ?, meta = ?, updated_at = ?
     WHERE id = ?`,
  );
  const pointOrigin = db.prepare<[string, string]>(
    `INSERT INTO article_origins (origin_key, article_id) VALUES (?, ?)
     ON CONFLICT (origin_key) DO UPDATE SET article_id = excluded.article_id`,
  );
  const indexRange = createArticleIndexer(db);
  // A batch's new rows have consecutive seqs (the transaction holds the write lock): the ones not indexed yet.
  let unindexed: { first: number | bigint; last: number | bigint } | undefined;
  const indexPending = () => {
    if (unindexed) indexRange(unindexed.first, unindexed.last);
    unindexed = undefined;
  };

  const writeOne = (input: ArticleInput, index: number, at: string): WriteResult => {
    const hash = fastContentHash(input.body);
    const candidates = idCandidatesOfHash(hash);
    const found = lookup.get(input.originKey, candidates[0]!, hash)!;
    const hashRow = found.id === null ? undefined : (found as KnownRow);
    const mapped = found.mapped ?? undefined;
    const originRow = hashRow || mapped === undefined ? undefined : byId.get(mapped);
    const plan = planWrite(input, hashRow && toKnownArticle(hashRow), originRow && toKnownArticle(originRow));
    let result: WriteResult;
    if (plan.kind === 'unchanged') {
      result = { id: plan.article.id, version: plan.article.version, status: 'unchanged' };
    } else {
      const own = input.titleIsOwn ? 1 : 0;
      const meta = canonicalMeta(input.meta);
      if (plan.kind === 'update') {
        // The update trigger takes the old text out of the index, so an article created earlier in this batch
        // must be in it first.
        indexPending();
        update.run(hash, input.title, own, input.body, meta, at, plan.article.id);
        result = { id: plan.article.id, version: plan.article.version + 1, status: 'updated' };
      } else {
        const id: ArticleId | undefined =
          found.preferred_taken === 0 ? candidates[0] : candidates.slice(1).find((candidate) => idTaken.get(candidate) === undefined);
        if (id === undefined) throw idCollision(input, index, candidates);
        const stored = input.storedAt ?? at;
        const { lastInsertRowid } = insert.run(id, input.originKey, hash, input.title, own, input.body, meta, stored, stored);
        unindexed = { first: unindexed?.first ?? lastInsertRowid, last: lastInsertRowid };
        result = { id, version: 1, status: 'created' };
      }
    }
    // Re-ingesting an unchanged file writes nothing; only a new or moved origin is recorded.
    if (mapped !== result.id) pointOrigin.run(input.originKey, result.id);
    return result;
  };

  const writeBatch = db.transaction((batch: readonly ArticleInput[], at: string) => {
    unindexed = undefined;
    const results = batch.map((input, i) => writeOne(input, i, at));
    indexPending();
    return results;
  });

  return (batch) => {
    batch.forEach(checkInput);
    return batch.length === 0 ? [] : writeBatch(batch, now().toISOString());
  };
}
