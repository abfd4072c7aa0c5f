import { matchWords } from './ts-query.js';

/** ts_rank weights {D, C, B, A}: a title word (A) counts four times a body word (B), as in the embedded store. */
const weights = '{0.1, 0.2, 0.25, 1.0}';

/**
 * The words are rare (article-search.ts's common-word guard), so collecting all their matches is cheap;
 * MATERIALIZED keeps it so, since the planner would otherwise walk the primary key backwards un-TOASTing rows
 * until it found `$2` matches. Only the page's rows fetch their bodies, for the snippet.
 * $1 is the page size, $2 the rank window, the words follow.
 */
export function rankedSql(count: number, joiner: 'all' | 'any'): string {
  const query = matchWords(count, joiner, 3);
  return `WITH matches AS MATERIALIZED (SELECT seq, search FROM articles WHERE search @@ (${query})),
    recent AS (SELECT seq, search FROM matches ORDER BY seq DESC LIMIT $2),
    hit AS (SELECT seq, ts_rank('${weights}', search, ${query}) AS score FROM recent ORDER BY score DESC, seq DESC LIMIT $1)
  SELECT a.id, a.title, a.body, hit.score FROM hit JOIN articles a USING (seq) ORDER BY hit.score DESC, hit.seq DESC`;
}

/**
 * Common words only, newest matches first. Words common alone can be rare together ("billion shot": 2 of
 * 100,000), and then a backward walk of the primary key, which the planner picks from the words' own counts,
 * reads every row. So the walk is bounded to the newest `recentRows` articles, where common words fill a page;
 * when they do not, they are rare together and all their matches are collected (GIN) instead.
 * $1 is the page size, the words follow.
 */
const recentRows = 500;
export function newestRecentSql(count: number): string {
  return `SELECT id, title, body, 0 AS score FROM (SELECT seq, id, title, body, search FROM articles ORDER BY seq DESC LIMIT ${recentRows}) AS recent
  WHERE search @@ (${matchWords(count, 'all', 2)}) ORDER BY seq DESC LIMIT $1`;
}
export function newestAnySql(count: number): string {
  return `WITH matches AS MATERIALIZED (SELECT seq FROM articles WHERE search @@ (${matchWords(count, 'all', 2)}))
  SELECT a.id, a.title, a.body, 0 AS score FROM (SELECT seq FROM matches ORDER BY seq DESC LIMIT $1) AS hit JOIN articles a USING (seq)
  ORDER BY hit.seq DESC`;
}
