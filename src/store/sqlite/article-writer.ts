import type { ArticleId } from '../../core/article.js';
import { fastContentHash } from '../content-hash.js';
import { canonicalMeta, checkInput, idCandidates, idCollision, planWrite } from '../plan-write.js';
import type { ArticleInput, WriteResult } from '../types.js';
import { articleColumns, toKnownArticle, type ArticleRow } from './article-rows.js';
import type { SqliteDatabase } from './open-database.js';

/**
 * Builds the batch writer: prepared statements once, each batch in one transaction (so a failure leaves
 * nothing of it behind). With WAL, a committed transaction is durable against the process being killed.
 */
export function createArticleWriter(db: SqliteDatabase, now: () => Date): (batch: readonly ArticleInput[]) => WriteResult[] {
  const byHash = db.prepare<[string], ArticleRow>(`SELECT ${articleColumns} FROM articles WHERE content_hash = ?`);
  const byId = db.prepare<[string], ArticleRow>(`SELECT ${articleColumns} FROM articles WHERE id = ?`);
  const originTarget = db.prepare<[string], string>('SELECT article_id FROM article_origins WHERE origin_key = ?').pluck();
  const idTaken = db.prepare<[string], number>('SELECT 1 FROM articles WHERE id = ?').pluck();
  const insert = db.prepare(
    `INSERT INTO articles (id, version, origin_key, content_hash, title, title_is_own, body, meta, story_id, ingested_at, updated_at)
     VALUES (@id, 1, @originKey, @hash, @title, @titleIsOwn, @body, @meta, NULL, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE articles SET version = version + 1, content_hash = @hash, title = @title, title_is_own = @titleIsOwn,
       body = @body, meta = @meta, updated_at = @at WHERE id = @id`,
  );
  const pointOrigin = db.prepare(
    `INSERT INTO article_origins (origin_key, article_id) VALUES (?, ?)
     ON CONFLICT (origin_key) DO UPDATE SET article_id = excluded.article_id`,
  );

  const writeOne = (input: ArticleInput, index: number, at: string): WriteResult => {
    const hash = fastContentHash(input.body);
    const hashRow = byHash.get(hash);
    const mapped = originTarget.get(input.originKey);
    const originRow = hashRow || mapped === undefined ? undefined : byId.get(mapped);
    const plan = planWrite(input, hashRow && toKnownArticle(hashRow), originRow && toKnownArticle(originRow));
    const fields = { hash, title: input.title, titleIsOwn: input.titleIsOwn ? 1 : 0, body: input.body, meta: canonicalMeta(input.meta), at };
    let result: WriteResult;
    if (plan.kind === 'unchanged') {
      result = { id: plan.article.id, version: plan.article.version, status: 'unchanged' };
    } else if (plan.kind === 'update') {
      update.run({ ...fields, id: plan.article.id });
      result = { id: plan.article.id, version: plan.article.version + 1, status: 'updated' };
    } else {
      const candidates = idCandidates(input.body);
      const id: ArticleId | undefined = candidates.find((candidate) => idTaken.get(candidate) === undefined);
      if (id === undefined) throw idCollision(input, index, candidates);
      insert.run({ ...fields, id, originKey: input.originKey, at: input.storedAt ?? at });
      result = { id, version: 1, status: 'created' };
    }
    // Re-ingesting an unchanged file writes nothing; only a new or moved origin is recorded.
    if (mapped !== result.id) pointOrigin.run(input.originKey, result.id);
    return result;
  };

  const writeBatch = db.transaction((batch: readonly ArticleInput[], at: string) => batch.map((input, index) => writeOne(input, index, at)));

  return (batch) => {
    batch.forEach(checkInput);
    return batch.length === 0 ? [] : writeBatch(batch, now().toISOString());
  };
}
