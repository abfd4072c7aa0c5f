import { randomBytes } from 'node:crypto';
import type { FetchState, SourceId, SourceKind, SourceRecord, SourceScope, SourceStore } from '../sources.js';
import { inTransaction, type PgPool } from './pool.js';

/** The sources area on PostgreSQL: same tables and meaning as the embedded store's (sqlite/sources-schema.ts). */
export const sourcesPgSchema = `
CREATE TABLE IF NOT EXISTS sources (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('folder', 'feed', 'page')),
  location TEXT NOT NULL,
  scope TEXT NOT NULL,
  title TEXT,
  added_at TIMESTAMPTZ NOT NULL,
  UNIQUE (scope, location)
);
CREATE INDEX IF NOT EXISTS sources_location ON sources (location);
CREATE TABLE IF NOT EXISTS source_fetch_state (
  location TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('feed', 'page')),
  etag TEXT,
  last_modified TEXT,
  next_fetch_at TIMESTAMPTZ NOT NULL,
  last_fetched_at TIMESTAMPTZ,
  last_success_at TIMESTAMPTZ,
  primed BOOLEAN NOT NULL,
  failures INTEGER NOT NULL CHECK (failures >= 0),
  last_error TEXT,
  notice_sent_at TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS source_fetch_due ON source_fetch_state (next_fetch_at);
CREATE TABLE IF NOT EXISTS source_items (
  location TEXT NOT NULL,
  item_key TEXT NOT NULL,
  article_id TEXT,
  note TEXT,
  first_seen_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (location, item_key)
);
`;

interface SourceRow {
  id: string;
  kind: SourceKind;
  location: string;
  scope: string;
  title: string | null;
  added_at: Date;
}

interface StateRow {
  location: string;
  kind: 'feed' | 'page';
  etag: string | null;
  last_modified: string | null;
  next_fetch_at: Date;
  last_fetched_at: Date | null;
  last_success_at: Date | null;
  primed: boolean;
  failures: number;
  last_error: string | null;
  notice_sent_at: Date | null;
}

const optional = <K extends string>(key: K, value: string | Date | null): { [P in K]?: string } =>
  value === null ? {} : ({ [key]: value instanceof Date ? value.toISOString() : value } as { [P in K]: string });

function toSource(row: SourceRow): SourceRecord {
  return { id: row.id as SourceId, kind: row.kind, location: row.location, scope: row.scope as SourceScope, ...optional('title', row.title), addedAt: row.added_at.toISOString() };
}

function toState(row: StateRow): FetchState {
  return {
    location: row.location,
    kind: row.kind,
    validators: { ...optional('etag', row.etag), ...optional('lastModified', row.last_modified) },
    nextFetchAt: row.next_fetch_at.toISOString(),
    ...optional('lastFetchedAt', row.last_fetched_at),
    ...optional('lastSuccessAt', row.last_success_at),
    primed: row.primed,
    failures: row.failures,
    ...optional('lastError', row.last_error),
    ...optional('noticeSentAt', row.notice_sent_at),
  };
}

function newSourceId(): SourceId {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  return `s${Array.from(randomBytes(6), (b) => alphabet[b & 31]).join('')}` as SourceId;
}

export function createSourceStore(pool: PgPool): SourceStore {
  return {
    addSource: (source, at) =>
      inTransaction(pool, async (client) => {
        const inserted = await client.query(
          'INSERT INTO sources (id, kind, location, scope, title, added_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (scope, location) DO NOTHING',
          [newSourceId(), source.kind, source.location, source.scope, source.title ?? null, at],
        );
        if (source.kind !== 'folder') {
          await client.query('INSERT INTO source_fetch_state (location, kind, next_fetch_at, primed, failures) VALUES ($1, $2, $3, false, 0) ON CONFLICT (location) DO NOTHING', [source.location, source.kind, at]);
        }
        const row = await client.query<SourceRow>('SELECT * FROM sources WHERE scope = $1 AND location = $2', [source.scope, source.location]);
        return { added: inserted.rowCount === 1, source: toSource(row.rows[0]!) };
      }),
    removeSource: (scope, idOrLocation) =>
      inTransaction(pool, async (client) => {
        const key = idOrLocation.trim();
        const removed = await client.query<{ location: string }>('DELETE FROM sources WHERE scope = $1 AND (lower(id) = lower($2) OR location = $2) RETURNING location', [scope, key]);
        for (const { location } of removed.rows) {
          await client.query('DELETE FROM source_fetch_state WHERE location = $1 AND NOT EXISTS (SELECT 1 FROM sources WHERE location = $1)', [location]);
        }
        return removed.rows.length > 0;
      }),
    listSources: async (filter = {}) => {
      const where: string[] = [];
      const params: string[] = [];
      for (const [column, value] of [['scope', filter.scope], ['kind', filter.kind], ['location', filter.location]] as const) {
        if (value !== undefined) {
          params.push(value);
          where.push(`${column} = $${params.length}`);
        }
      }
      const result = await pool.query<SourceRow>(`SELECT * FROM sources ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY added_at, id`, params);
      return result.rows.map(toSource);
    },
    getFetchState: async (location) => {
      const result = await pool.query<StateRow>('SELECT * FROM source_fetch_state WHERE location = $1', [location]);
      return result.rows[0] && toState(result.rows[0]);
    },
    // One statement, so one claim: SKIP LOCKED passes over the rows another process is claiming this instant,
    // and FOR UPDATE re-checks next_fetch_at on a row another claim has just committed, which is then no longer due.
    claimDueFetches: async (now, limit, leaseMs) => {
      const result = await pool.query<StateRow>(
        `WITH due AS (
           SELECT location, next_fetch_at AS due_at FROM source_fetch_state WHERE next_fetch_at <= $1
           ORDER BY next_fetch_at, location LIMIT $2 FOR UPDATE SKIP LOCKED
         ), claimed AS (
           UPDATE source_fetch_state s SET next_fetch_at = $3 FROM due WHERE s.location = due.location RETURNING s.*, due.due_at
         )
         SELECT * FROM claimed ORDER BY due_at, location`,
        [now, limit, new Date(now.getTime() + leaseMs)],
      );
      return result.rows.map(toState);
    },
    saveFetchState: async (s) => {
      await pool.query(
        `UPDATE source_fetch_state SET etag = $2, last_modified = $3, next_fetch_at = $4, last_fetched_at = $5, last_success_at = $6,
           primed = $7, failures = $8, last_error = $9, notice_sent_at = $10 WHERE location = $1`,
        [s.location, s.validators.etag ?? null, s.validators.lastModified ?? null, s.nextFetchAt, s.lastFetchedAt ?? null, s.lastSuccessAt ?? null, s.primed, s.failures, s.lastError ?? null, s.noticeSentAt ?? null],
      );
    },
    seenItems: async (location, keys) => {
      const result = await pool.query<{ item_key: string }>('SELECT item_key FROM source_items WHERE location = $1 AND item_key = ANY($2::text[])', [location, [...keys]]);
      return new Set(result.rows.map((r) => r.item_key));
    },
    rememberItems: async (location, items, at) => {
      if (items.length === 0) return;
      await pool.query(
        `INSERT INTO source_items (location, item_key, article_id, note, first_seen_at)
         SELECT $1, k, a, n, $5 FROM unnest($2::text[], $3::text[], $4::text[]) AS t (k, a, n) ON CONFLICT DO NOTHING`,
        [location, items.map((i) => i.key), items.map((i) => i.articleId ?? null), items.map((i) => i.note ?? null), at],
      );
    },
  };
}
