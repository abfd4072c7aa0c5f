/**
 * Delivery records (one per subscription and slot; the primary key is the exactly-once guarantee) and the
 * stories each channel was sent, with the sources they had, so nothing is sent to a channel twice. Rows are
 * kept when a subscription is removed: subscribing again must not re-send old stories.
 */
export const deliveriesSchema = `
CREATE TABLE IF NOT EXISTS deliveries (
  subscription_id TEXT NOT NULL COLLATE NOCASE,
  slot TEXT NOT NULL,
  delivery_key TEXT NOT NULL UNIQUE,
  platform TEXT NOT NULL,
  workspace TEXT NOT NULL,
  channel TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('claimed', 'pending', 'sent', 'empty', 'failed')),
  owner TEXT,
  lease_expires_at TEXT,
  attempts INTEGER NOT NULL CHECK (attempts >= 1),
  digest TEXT,
  composed_at TEXT,
  sent_refs TEXT NOT NULL DEFAULT '[]',
  error TEXT,
  updated_at TEXT NOT NULL,
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
  subscription_id TEXT NOT NULL COLLATE NOCASE,
  slot TEXT NOT NULL,
  PRIMARY KEY (platform, workspace, channel, story_id, article_id, subscription_id)
);
`;
