import { randomBytes } from 'node:crypto';
import type { FetchState, SourceId, SourceKind, SourceRecord, SourceScope, SourceStore } from '../sources.js';
import type { SqliteDatabase } from './open-database.js';

interface SourceRow {
  id: string;
  kind: SourceKind;
  location: string;
  scope: string;
  title: string | null;
  added_at: string;
}

interface StateRow {
  location: string;
  kind: 'feed' | 'page';
  etag: string | null;
  last_modified: string | null;
  next_fetch_at: string;
  last_fetched_at: string | null;
  last_success_at: string | null;
  primed: number;
  failures: number;
  last_error: string | null;
  notice_sent_at: string | null;
}

const optional = <K extends string>(key: K, value: string | null): { [P in K]?: string } => (value === null ? {} : ({ [key]: value } as { [P in K]: string }));

function toSource(row: SourceRow): SourceRecord {
  return { id: row.id as SourceId, kind: row.kind, location: row.location, scope: row.scope as SourceScope, ...optional('title', row.title), addedAt: row.added_at };
}

function toState(row: StateRow): FetchState {
  return {
    location: row.location,
    kind: row.kind,
    validators: { ...optional('etag', row.etag), ...optional('lastModified', row.last_modified) },
    nextFetchAt: row.next_fetch_at,
    ...optional('lastFetchedAt', row.last_fetched_at),
    ...optional('lastSuccessAt', row.last_success_at),
    primed: row.primed === 1,
    failures: row.failures,
    ...optional('lastError', row.last_error),
    ...optional('noticeSentAt', row.notice_sent_at),
  };
}

/** Short random ids ("s" + 6 base32 characters): typed by admins in `source remove`. */
function newSourceId(): SourceId {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  return `s${Array.from(randomBytes(6), (b) => alphabet[b & 31]).join('')}` as SourceId;
}

export function createSourceStore(db: SqliteDatabase): SourceStore {
  const insertSource = db.prepare('INSERT INTO sources (id, kind, location, scope, title, added_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (scope, location) DO NOTHING');
  const sourceAt = db.prepare<[string, string], SourceRow>('SELECT * FROM sources WHERE scope = ? AND location = ?');
  const insertState = db.prepare(
    `INSERT INTO source_fetch_state (location, kind, next_fetch_at, primed, failures) VALUES (?, ?, ?, 0, 0) ON CONFLICT (location) DO NOTHING`,
  );
  const deleteSource = db.prepare<[string, string, string]>('DELETE FROM sources WHERE scope = ? AND (lower(id) = lower(?) OR location = ?) RETURNING location');
  const stillUsed = db.prepare<[string], number>('SELECT 1 FROM sources WHERE location = ? LIMIT 1').pluck();
  const deleteState = db.prepare('DELETE FROM source_fetch_state WHERE location = ?');
  const stateOf = db.prepare<[string], StateRow>('SELECT * FROM source_fetch_state WHERE location = ?');
  const due = db.prepare<[string, number], StateRow>('SELECT * FROM source_fetch_state WHERE next_fetch_at <= ? ORDER BY next_fetch_at, location LIMIT ?');
  const lease = db.prepare('UPDATE source_fetch_state SET next_fetch_at = ? WHERE location = ?');
  const saveState = db.prepare(
    `UPDATE source_fetch_state SET etag = @etag, last_modified = @lastModified, next_fetch_at = @nextFetchAt, last_fetched_at = @lastFetchedAt,
       last_success_at = @lastSuccessAt, primed = @primed, failures = @failures, last_error = @lastError, notice_sent_at = @noticeSentAt
     WHERE location = @location`,
  );
  const seenOne = db.prepare<[string, string], number>('SELECT 1 FROM source_items WHERE location = ? AND item_key = ?').pluck();
  const remember = db.prepare('INSERT INTO source_items (location, item_key, article_id, note, first_seen_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');

  const add = db.transaction((source: Parameters<SourceStore['addSource']>[0], at: string) => {
    const added = insertSource.run(newSourceId(), source.kind, source.location, source.scope, source.title ?? null, at).changes === 1;
    if (source.kind !== 'folder') insertState.run(source.location, source.kind, at);
    return { added, source: toSource(sourceAt.get(source.scope, source.location)!) };
  });
  const remove = db.transaction((scope: SourceScope, idOrLocation: string) => {
    const removed = deleteSource.all(scope, idOrLocation.trim(), idOrLocation.trim()) as { location: string }[];
    for (const { location } of removed) if (stillUsed.get(location) === undefined) deleteState.run(location);
    return removed.length > 0;
  });
  // One process owns the file, but the method keeps the shared store's meaning: a claimed URL is not due again until its lease ends.
  const claim = db.transaction((now: string, limit: number, until: string) =>
    due.all(now, limit).map((row) => {
      lease.run(until, row.location);
      return toState({ ...row, next_fetch_at: until });
    }),
  );
  const rememberAll = db.transaction((location: string, items: Parameters<SourceStore['rememberItems']>[1], at: string) => {
    for (const item of items) remember.run(location, item.key, item.articleId ?? null, item.note ?? null, at);
  });

  return {
    addSource: async (source, at) => add(source, at.toISOString()),
    removeSource: async (scope, idOrLocation) => remove(scope, idOrLocation),
    listSources: async (filter = {}) => {
      const where: string[] = [];
      const params: string[] = [];
      for (const [column, value] of [['scope', filter.scope], ['kind', filter.kind], ['location', filter.location]] as const) {
        if (value !== undefined) {
          where.push(`${column} = ?`);
          params.push(value);
        }
      }
      const sql = `SELECT * FROM sources ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY added_at, id`;
      return (db.prepare(sql).all(...params) as SourceRow[]).map(toSource);
    },
    getFetchState: async (location) => {
      const row = stateOf.get(location);
      return row && toState(row);
    },
    claimDueFetches: async (now, limit, leaseMs) => claim(now.toISOString(), limit, new Date(now.getTime() + leaseMs).toISOString()),
    saveFetchState: async (state) => {
      saveState.run({
        location: state.location,
        etag: state.validators.etag ?? null,
        lastModified: state.validators.lastModified ?? null,
        nextFetchAt: state.nextFetchAt,
        lastFetchedAt: state.lastFetchedAt ?? null,
        lastSuccessAt: state.lastSuccessAt ?? null,
        primed: state.primed ? 1 : 0,
        failures: state.failures,
        lastError: state.lastError ?? null,
        noticeSentAt: state.noticeSentAt ?? null,
      });
    },
    seenItems: async (location, keys) => new Set(keys.filter((key) => seenOne.get(location, key) !== undefined)),
    rememberItems: async (location, items, at) => rememberAll(location, items, at.toISOString()),
  };
}
