import { sourcesPgSchema } from './sources-store.js';

/**
 * The PostgreSQL schema, applied at every start-up under the migration lock (see pool.ts). Every statement
 * is idempotent, so applying it to an up-to-date database changes nothing; a later change is appended as
 * its own idempotent statement (ALTER ... ADD COLUMN IF NOT EXISTS), never by editing one already shipped.
 *
 * Times are timestamptz (read back as ISO strings). `search` is the weighted tsvector the full-text search
 * ranks on: the title as weight A and the body as B; ranking with weights {B: 0.25, A: 1} makes a title
 * word count four times a body word, as in the embedded store. `title_words` (simple dictionary, no
 * stemming) serves autocomplete, whose last word is unfinished and matched as a prefix.
 */
const articles = `
CREATE TABLE IF NOT EXISTS articles (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL CHECK (version >= 1),
  origin_key TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  title TEXT NOT NULL,
  title_is_own BOOLEAN NOT NULL,
  body TEXT NOT NULL,
  meta JSONB NOT NULL,
  story_id TEXT,
  ingested_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
  ) STORED,
  title_words TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED,
  -- Deferred: one batch may move a hash from one article to another; only the committed state must be unique.
  CONSTRAINT articles_content_hash_key UNIQUE (content_hash) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX IF NOT EXISTS articles_updated_at ON articles (updated_at, seq);
CREATE INDEX IF NOT EXISTS articles_story ON articles (story_id, ingested_at) WHERE story_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_search ON articles USING GIN (search);
CREATE INDEX IF NOT EXISTS articles_title_words ON articles USING GIN (title_words);
CREATE INDEX IF NOT EXISTS articles_id_prefix ON articles (id text_pattern_ops);

CREATE TABLE IF NOT EXISTS article_origins (
  origin_key TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles (id)
);
`;

/** Subscription ids match case-insensitively (people type them): unique on lower(id). */
const subscriptions = `
CREATE TABLE IF NOT EXISTS subscriptions (
  id TEXT NOT NULL,
  platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord', 'local')),
  workspace TEXT NOT NULL,
  channel TEXT NOT NULL,
  cron TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  max_stories INTEGER NOT NULL CHECK (max_stories >= 1),
  topic JSONB,
  thread_mode TEXT NOT NULL CHECK (thread_mode IN ('single', 'per-story')),
  no_news_note BOOLEAN NOT NULL,
  repeat_across BOOLEAN NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('active', 'disabled')),
  disabled_reason TEXT,
  disabled_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL,
  CHECK ((state = 'disabled') = (disabled_reason IS NOT NULL))
);
CREATE UNIQUE INDEX IF NOT EXISTS subscriptions_id ON subscriptions (lower(id));
CREATE INDEX IF NOT EXISTS subscriptions_by_channel ON subscriptions (platform, workspace, channel);
`;

/** The primary key (subscription, slot) is the exactly-once guarantee across every process sharing the database. */
const deliveries = `
CREATE TABLE IF NOT EXISTS deliveries (
  subscription_id TEXT NOT NULL,
  slot TIMESTAMPTZ NOT NULL,
  delivery_key TEXT NOT NULL UNIQUE,
  platform TEXT NOT NULL,
  workspace TEXT NOT NULL,
  channel TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('claimed', 'pending', 'sent', 'empty', 'failed')),
  owner TEXT,
  lease_expires_at TIMESTAMPTZ,
  attempts INTEGER NOT NULL CHECK (attempts >= 1),
  digest JSONB,
  composed_at TIMESTAMPTZ,
  sent_refs JSONB NOT NULL DEFAULT '[]',
  error TEXT,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (subscription_id, slot),
  CHECK ((state = 'claimed') = (owner IS NOT NULL AND lease_expires_at IS NOT NULL))
);
CREATE INDEX IF NOT EXISTS deliveries_by_channel ON deliveries (platform, workspace, channel, composed_at);
CREATE TABLE IF NOT EXISTS sent_stories (
  platform TEXT NOT NULL,
  workspace TEXT NOT NULL,
  channel TEXT NOT NULL,
  story_id TEXT NOT NULL,
  article_id TEXT NOT NULL,
  subscription_id TEXT NOT NULL,
  slot TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (platform, workspace, channel, story_id, article_id, subscription_id)
);
`;

export const postgresSchema: readonly string[] = [articles, subscriptions, deliveries, sourcesPgSchema];
