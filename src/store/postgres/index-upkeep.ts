import type { PgClient, PgPool } from './pool.js';

/**
 * GIN's fast update appends new entries to a pending list that every search reads in full (up to 4 MB: ~10 ms
 * a query) until it is merged. Merging at the end of each batch keeps it empty between batches for about the
 * cost of the merge that would come anyway. Only the indexes' owner may merge; others leave it to autovacuum.
 */
export async function mergePendingEntries(client: PgClient): Promise<void> {
  await client.query(
    `SELECT gin_clean_pending_list(c.oid) FROM pg_class c
     WHERE c.oid IN ('articles_search'::regclass, 'articles_title_words'::regclass) AND pg_has_role(c.relowner, 'USAGE')`,
  );
}

/**
 * Search plans and its common-word guard (common-words.ts) rely on the statistics of `articles`, which
 * nothing refreshes when autovacuum is off or lags behind a bulk ingest. Re-analyzing once the table changed by
 * half since the last ANALYZE (and by 1,000 rows at least) costs a dozen ANALYZEs of about a second each while
 * a store grows to 100,000 articles. pg_stat counts arrive up to a second late, which only delays one.
 */
export async function analyzeWhenStale(pool: PgPool): Promise<void> {
  const { rows } = await pool.query<{ stale: boolean }>(
    `SELECT t.n_mod_since_analyze > 1000 + 0.5 * greatest(c.reltuples, 0) AS stale
     FROM pg_stat_user_tables t JOIN pg_class c ON c.oid = t.relid WHERE t.relid = 'articles'::regclass`,
  );
  if (rows[0]?.stale === true) await pool.query('ANALYZE articles');
}
