/** Subscriptions: one row per standing digest order. The topic filter is JSON ({keywords, sources}). */
export const subscriptionsSchema = `
CREATE TABLE IF NOT EXISTS subscriptions (
  id TEXT PRIMARY KEY COLLATE NOCASE,
  platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord', 'local')),
  workspace TEXT NOT NULL,
  channel TEXT NOT NULL,
  cron TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  max_stories INTEGER NOT NULL CHECK (max_stories >= 1),
  topic TEXT,
  thread_mode TEXT NOT NULL CHECK (thread_mode IN ('single', 'per-story')),
  no_news_note INTEGER NOT NULL CHECK (no_news_note IN (0, 1)),
  repeat_across INTEGER NOT NULL CHECK (repeat_across IN (0, 1)),
  state TEXT NOT NULL CHECK (state IN ('active', 'disabled')),
  disabled_reason TEXT,
  disabled_at TEXT,
  created_at TEXT NOT NULL,
  CHECK ((state = 'disabled') = (disabled_reason IS NOT NULL))
);
CREATE INDEX IF NOT EXISTS subscriptions_by_channel ON subscriptions (platform, workspace, channel);
`;
