import type { ArticleId } from '../../core/article.js';
import { fastContentHash } from '../content-hash.js';
import { canonicalMeta, checkInput, idCandidatesOfHash, idCollision, type KnownArticle, planWrite } from '../plan-write.js';
import type { ArticleInput, WriteResult } from '../types.js';
import { type ArticleRow, articleColumns, toKnownArticle } from './article-rows.js';
import { analyzeWhenStale, mergePendingEntries } from './index-upkeep.js';
import { inTransaction, type PgClient, type PgPool } from './pool.js';

/** Serialises article batches across processes: dedup by hash and origin must see every committed batch. */
const ARTICLE_WRITE_LOCK = 0x77_62_61_72; // "wbar"

/** The final state of one article the batch touches (a batch may create and then edit the same one). */
interface Pending extends KnownArticle {
  readonly isNew: boolean;
  readonly hash: string;
  readonly body: string;
  readonly ingestedAt: string;
}

/**
 * Batch writes with a handful of round trips whatever the batch size: everything the decisions need is read
 * up front, each item is planned in memory (the same `planWrite` the embedded store uses, so both backends
 * decide alike), then the rows are written with one statement per kind. All in one transaction.
 */
export function createArticleWriter(pool: PgPool, now: () => Date): (batch: readonly ArticleInput[]) => Promise<WriteResult[]> {
  return async (batch) => {
    batch.forEach(checkInput);
    if (batch.length === 0) return [];
    const at = now().toISOString();
    const written = await inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [ARTICLE_WRITE_LOCK]);
      // One native hash per body: both the change check and the new ids read it.
      const hashes = batch.map((input) => fastContentHash(input.body));
      const known = await prefetch(client, batch, hashes);
      const touched = new Map<ArticleId, Pending>();
      const results = batch.map((input, index) => {
        const hash = hashes[index]!;
        const byHash = known.byHash.get(hash);
        const mapped = known.origins.get(input.originKey);
        const byOrigin = byHash || mapped === undefined ? undefined : known.byId.get(mapped);
        const plan = planWrite(input, byHash, byOrigin);
        let result: WriteResult;
        if (plan.kind === 'unchanged') {
          result = { id: plan.article.id, version: plan.article.version, status: 'unchanged' };
        } else {
          const pending = plan.kind === 'update' ? touched.get(plan.article.id) : undefined;
          const previous = plan.kind === 'update' ? (pending ?? plan.article) : undefined;
          const id = previous?.id ?? newId(input, index, hash, known.taken);
          const next: Pending = {
            id,
            version: (previous?.version ?? 0) + 1,
            originKey: previous?.originKey ?? input.originKey,
            title: input.title,
            titleIsOwn: input.titleIsOwn,
            meta: input.meta,
            isNew: previous === undefined || pending?.isNew === true,
            hash,
            body: input.body,
            ingestedAt: pending?.ingestedAt ?? input.storedAt ?? at,
          };
          const oldHash = known.hashOf.get(id);
          if (oldHash !== undefined) known.byHash.delete(oldHash);
          known.byHash.set(hash, next);
          known.hashOf.set(id, hash);
          known.byId.set(id, next);
          known.taken.add(id);
          touched.set(id, next);
          result = { id, version: next.version, status: plan.kind === 'update' ? 'updated' : 'created' };
        }
        if (mapped !== result.id) {
          known.origins.set(input.originKey, result.id);
          known.movedOrigins.set(input.originKey, result.id);
        }
        return result;
      });
      await writeRows(client, [...touched.values()], known.movedOrigins, at);
      if (touched.size > 0) await mergePendingEntries(client);
      return results;
    });
    // The batch is committed: failing to refresh statistics must not report it as lost; a later batch retries.
    await analyzeWhenStale(pool).catch(() => undefined);
    return written;
  };
}

interface Known {
  readonly byHash: Map<string, KnownArticle | Pending>;
  readonly byId: Map<ArticleId, KnownArticle | Pending>;
  readonly hashOf: Map<ArticleId, string>;
  readonly origins: Map<string, ArticleId>;
  readonly taken: Set<string>;
  readonly movedOrigins: Map<string, ArticleId>;
}

async function prefetch(client: PgClient, batch: readonly ArticleInput[], hashes: readonly string[]): Promise<Known> {
  const origins = await client.query<{ origin_key: string; article_id: ArticleId }>(
    'SELECT origin_key, article_id FROM article_origins WHERE origin_key = ANY($1)',
    [batch.map((input) => input.originKey)],
  );
  const rows = await client.query<ArticleRow>(`SELECT ${articleColumns} FROM articles WHERE content_hash = ANY($1) OR id = ANY($2)`, [
    hashes,
    origins.rows.map((r) => r.article_id),
  ]);
  const taken = await client.query<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1)', [hashes.flatMap((hash) => idCandidatesOfHash(hash))]);
  const known: Known = {
    byHash: new Map(),
    byId: new Map(),
    hashOf: new Map(),
    origins: new Map(origins.rows.map((r) => [r.origin_key, r.article_id])),
    taken: new Set(taken.rows.map((r) => r.id)),
    movedOrigins: new Map(),
  };
  for (const row of rows.rows) {
    const article = toKnownArticle(row);
    known.byHash.set(row.content_hash, article);
    known.byId.set(article.id, article);
    known.hashOf.set(article.id, row.content_hash);
  }
  return known;
}

function newId(input: ArticleInput, index: number, hash: string, taken: ReadonlySet<string>): ArticleId {
  const candidates = idCandidatesOfHash(hash);
  const id = candidates.find((candidate) => !taken.has(candidate));
  if (id === undefined) throw idCollision(input, index, candidates);
  return id;
}

async function writeRows(client: PgClient, rows: readonly Pending[], origins: ReadonlyMap<string, ArticleId>, at: string): Promise<void> {
  const column = <T>(list: readonly Pending[], pick: (row: Pending) => T): T[] => list.map(pick);
  const created = rows.filter((row) => row.isNew);
  const updated = rows.filter((row) => !row.isNew);
  const fields = (list: readonly Pending[]) => [
    column(list, (r) => r.id),
    column(list, (r) => r.version),
    column(list, (r) => r.hash),
    column(list, (r) => r.title),
    column(list, (r) => r.titleIsOwn),
    column(list, (r) => r.body),
    column(list, (r) => canonicalMeta(r.meta)),
  ];
  if (updated.length > 0) {
    await client.query(
      `UPDATE articles a SET version = u.version, content_hash = u.hash, title = u.title, title_is_own = u.own, body = u.body,
         meta = u.meta::jsonb, updated_at = $8
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::bool[], $6::text[], $7::text[]) AS u(id, version, hash, title, own, body, meta)
       WHERE a.id = u.id`,
      [...fields(updated), at],
    );
  }
  if (created.length > 0) {
    await client.query(
      `INSERT INTO articles (id, version, origin_key, content_hash, title, title_is_own, body, meta, ingested_at, updated_at)
       SELECT u.id, u.version, u.origin, u.hash, u.title, u.own, u.body, u.meta::jsonb, u.ingested,
         CASE WHEN u.version = 1 THEN u.ingested ELSE $10::timestamptz END
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::bool[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
         AS u(id, version, hash, title, own, body, meta, origin, ingested)`,
      [...fields(created), column(created, (r) => r.originKey), column(created, (r) => r.ingestedAt), at],
    );
  }
  if (origins.size > 0) {
    await client.query(
      `INSERT INTO article_origins (origin_key, article_id) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (origin_key) DO UPDATE SET article_id = excluded.article_id`,
      [[...origins.keys()], [...origins.values()]],
    );
  }
}
