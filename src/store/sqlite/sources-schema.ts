/**
 * Sources per scope; fetch state per URL (one fetch however many scopes use it); the item keys seen per feed
 * (guid, link or content key), so a poll stores only what is new.
 */
export const sourcesSchema = `
CREATE TABLE IF NOT EXISTS sources (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('folder', 'feed', 'page')),
  location TEXT NOT NULL,
  scope TEXT NOT NULL,
  title TEXT,
  added_at TEXT NOT NULL,
  UNIQUE (scope, location)
);
CREATE INDEX IF NOT EXISTS sources_location ON sources (location);

CREATE TABLE IF NOT EXISTS source_fetch_state (
  location TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('feed', 'page')),
  etag TEXT,
  last_modified TEXT,
  next_fetch_at TEXT NOT NULL,
  last_fetched_at TEXT,
  last_success_at TEXT,
  primed INTEGER NOT NULL CHECK (primed IN (0, 1)),
  failures INTEGER NOT NULL CHECK (failures >= 0),
  last_error TEXT,
  notice_sent_at TEXT
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS source_fetch_due ON source_fetch_state (next_fetch_at);

CREATE TABLE IF NOT EXISTS source_items (
  location TEXT NOT NULL,
  item_key TEXT NOT NULL,
  article_id TEXT,
  note TEXT,
  first_seen_at TEXT NOT NULL,
  PRIMARY KEY (location, item_key)
) WITHOUT ROWID;
`;
