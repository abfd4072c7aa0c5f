/**
 * Articles and their full-text indexes. `seq` is the integer key FTS5 needs (content_rowid); `id` is the
 * user-facing content id. The FTS tables are external-content (the text is stored once, in `articles`): the
 * writer indexes new rows (see article-index.ts for why not a trigger), triggers follow edits and deletions,
 * which are rare; the update triggers fire only when title or body change, so story assignment does not
 * re-index. Porter stemming so that "missiles" finds "missile". Autocomplete matches unfinished
 * words, which needs prefix indexes: they are built for titles only (`titles_fts`), because on the bodies
 * they would halve ingest speed.
 */
export const articlesSchema = `
CREATE TABLE IF NOT EXISTS articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL CHECK (version >= 1),
  origin_key TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  title_is_own INTEGER NOT NULL CHECK (title_is_own IN (0, 1)),
  body TEXT NOT NULL,
  meta TEXT NOT NULL,
  story_id TEXT,
  ingested_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_updated_at ON articles (updated_at);
CREATE INDEX IF NOT EXISTS articles_story ON articles (story_id, ingested_at) WHERE story_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS article_origins (
  origin_key TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles (id)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (
  title, body,
  content = 'articles', content_rowid = 'seq',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS titles_fts USING fts5 (
  title,
  content = 'articles', content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
-- Each batch adds an index segment, and FTS5 merges segments in groups of \`automerge\` (default 4), rewriting a
-- term list once per level it climbs: at 100,000 articles (200 batches) 8 had merged most of the index twice
-- (into 25 level-1 segments, then 3 level-2 ones), 16 once (12 level-1 segments); search is as fast.
-- \`crisismerge\` (default 16) is the segment count at which a level is merged at once instead of over the next
-- batches: at 16 it came before automerge's spread-out work, so every 16th batch took 2.5 times as long, and at
-- 128,000 articles one batch would merge nearly the whole index. \`hashsize\` is the memory for terms not yet
-- on disk (default 1 MB): 4 MB holds a whole batch of 500 articles, one segment per batch instead of three.
-- \`pgsz\` is the size of an index leaf (default 4050, for 4 KB pages): a page less FTS5's usual margin,
-- whatever page size the file has (open-database.ts). All are stored in the index, and written only when
-- missing or different, so that opening a database needs no write lock.
WITH wanted (k, v) AS (
  VALUES ('automerge', 16), ('crisismerge', 32), ('hashsize', 4194304), ('pgsz', (SELECT page_size - 46 FROM pragma_page_size))
)
INSERT INTO articles_fts (articles_fts, rank)
  SELECT k, v FROM wanted WHERE NOT EXISTS (SELECT 1 FROM articles_fts_config AS c WHERE c.k = wanted.k AND c.v = wanted.v);
-- New rows are indexed by the writer (article-index.ts); databases made before that had this trigger.
DROP TRIGGER IF EXISTS articles_fts_insert;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
  INSERT INTO titles_fts (titles_fts, rowid, title) VALUES ('delete', old.seq, old.title);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
  INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;
CREATE TRIGGER IF NOT EXISTS titles_fts_update AFTER UPDATE OF title ON articles BEGIN
  INSERT INTO titles_fts (titles_fts, rowid, title) VALUES ('delete', old.seq, old.title);
  INSERT INTO titles_fts (rowid, title) VALUES (new.seq, new.title);
END;
`;
