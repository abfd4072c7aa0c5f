import type { ArticleId, StoryId } from '../../core/article.js';
import type { ChannelRef, Digest } from '../../core/digest.js';
import type { DeliveryKey, SubscriptionId } from '../../core/subscription.js';
import type { DeliveryRecord, DeliveryState, DeliveryStore, SentMessage } from '../deliveries.js';
import { inTransaction, type PgClient, type PgPool } from './pool.js';

interface DeliveryRow {
  subscription_id: string;
  slot: Date;
  delivery_key: string;
  platform: ChannelRef['platform'];
  workspace: string;
  channel: string;
  state: DeliveryState;
  owner: string | null;
  lease_expires_at: Date | null;
  attempts: number;
  digest: Digest | null;
  composed_at: Date | null;
  sent_refs: SentMessage[];
  error: string | null;
  updated_at: Date;
}

function toRecord(row: DeliveryRow): DeliveryRecord {
  return {
    subscriptionId: row.subscription_id as SubscriptionId,
    slot: row.slot.toISOString(),
    key: row.delivery_key as DeliveryKey,
    channel: { platform: row.platform, workspace: row.workspace, channel: row.channel },
    state: row.state,
    ...(row.owner ? { owner: row.owner } : {}),
    ...(row.lease_expires_at ? { leaseExpiresAt: row.lease_expires_at.toISOString() } : {}),
    attempts: row.attempts,
    ...(row.digest ? { digest: row.digest } : {}),
    ...(row.composed_at ? { composedAt: row.composed_at.toISOString() } : {}),
    sent: row.sent_refs,
    ...(row.error ? { error: row.error } : {}),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Moves a claimed record to its final (or pending) state; only the claim's owner may. */
async function finish(
  db: PgPool | PgClient,
  key: { subscriptionId: SubscriptionId; slot: Date; owner: string },
  state: DeliveryState,
  sent: readonly SentMessage[],
  error: string | null,
  at: Date,
): Promise<DeliveryRow> {
  const { rows } = await db.query<DeliveryRow>(
    `UPDATE deliveries SET state = $4, owner = NULL, lease_expires_at = NULL, sent_refs = $5, error = $6,
       composed_at = coalesce(composed_at, $7), updated_at = $7
     WHERE subscription_id = $1 AND slot = $2 AND state = 'claimed' AND owner = $3 RETURNING *`,
    [key.subscriptionId, key.slot, key.owner, state, JSON.stringify(sent), error, at],
  );
  if (!rows[0]) {
    throw new Error(`delivery ${key.subscriptionId} at ${key.slot.toISOString()} is not claimed by ${key.owner} (its lease expired and another process took it over)`);
  }
  return rows[0];
}

/**
 * Claims are single statements, so they are atomic across processes without an explicit lock: the INSERT
 * wins for exactly one process (primary key), and a take-over UPDATE re-checks its WHERE after waiting for
 * any concurrent writer of the row (READ COMMITTED), so two processes never both take over one lease.
 */
export function createDeliveryStore(pool: PgPool): DeliveryStore {
  const get = async (subscriptionId: string, slot: Date) =>
    (await pool.query<DeliveryRow>('SELECT * FROM deliveries WHERE subscription_id = $1 AND slot = $2', [subscriptionId, slot])).rows[0];

  return {
    async claimDelivery(r) {
      const lease = new Date(r.now.getTime() + r.leaseMs);
      const inserted = await pool.query<DeliveryRow>(
        `INSERT INTO deliveries (subscription_id, slot, delivery_key, platform, workspace, channel, state, owner, lease_expires_at, attempts, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'claimed', $7, $8, 1, $9) ON CONFLICT DO NOTHING RETURNING *`,
        [r.subscriptionId, r.slot, r.key, r.channel.platform, r.channel.workspace, r.channel.channel, r.owner, lease, r.now],
      );
      if (inserted.rows[0]) return { outcome: 'claimed', record: toRecord(inserted.rows[0]), resumed: false };
      const taken = await pool.query<DeliveryRow>(
        `UPDATE deliveries SET state = 'claimed', owner = $3, lease_expires_at = $4, attempts = attempts + 1, updated_at = $5
         WHERE subscription_id = $1 AND slot = $2
           AND (state = 'pending' OR (state = 'claimed' AND (owner = $3 OR lease_expires_at <= $5))) RETURNING *`,
        [r.subscriptionId, r.slot, r.owner, lease, r.now],
      );
      if (taken.rows[0]) return { outcome: 'claimed', record: toRecord(taken.rows[0]), resumed: true };
      const row = await get(r.subscriptionId, r.slot);
      if (!row) throw new Error(`delivery ${r.subscriptionId} at ${r.slot.toISOString()} could not be claimed: its record vanished`);
      const done = row.state === 'sent' || row.state === 'empty' || row.state === 'failed';
      return { outcome: done ? 'done' : 'busy', record: toRecord(row) };
    },
    async saveComposed(subscriptionId, slot, owner, digest, at) {
      const result = await pool.query(
        `UPDATE deliveries SET digest = $4, composed_at = $5, updated_at = $5
         WHERE subscription_id = $1 AND slot = $2 AND state = 'claimed' AND owner = $3`,
        [subscriptionId, slot, owner, JSON.stringify(digest), at],
      );
      return (result.rowCount ?? 0) > 0;
    },
    async completeDelivery(subscriptionId, slot, owner, completion, at) {
      if (completion.state === 'empty') {
        await finish(pool, { subscriptionId, slot, owner }, 'empty', [], null, at);
        return;
      }
      await inTransaction(pool, async (client) => {
        const row = await finish(client, { subscriptionId, slot, owner }, 'sent', completion.sent, null, at);
        const pairs = (row.digest?.stories ?? []).flatMap((story) => story.sources.map((source) => [story.storyId, source.articleId] as const));
        if (pairs.length === 0) return;
        await client.query(
          `INSERT INTO sent_stories (platform, workspace, channel, story_id, article_id, subscription_id, slot)
           SELECT $1, $2, $3, p.story, p.article, $6, $7 FROM unnest($4::text[], $5::text[]) AS p(story, article)
           ON CONFLICT DO NOTHING`,
          [row.platform, row.workspace, row.channel, pairs.map((p) => p[0]), pairs.map((p) => p[1]), subscriptionId, row.slot],
        );
      });
    },
    async releaseDelivery(subscriptionId, slot, owner, error, at) {
      await finish(pool, { subscriptionId, slot, owner }, 'pending', [], error, at);
    },
    async failDelivery(subscriptionId, slot, owner, reason, at) {
      await finish(pool, { subscriptionId, slot, owner }, 'failed', [], reason, at);
    },
    async getDelivery(subscriptionId, slot) {
      const row = await get(subscriptionId, slot);
      return row && toRecord(row);
    },
    async latestDelivery(subscriptionId) {
      const { rows } = await pool.query<DeliveryRow>('SELECT * FROM deliveries WHERE subscription_id = $1 ORDER BY slot DESC LIMIT 1', [subscriptionId]);
      return rows[0] && toRecord(rows[0]);
    },
    async lastComposedAt(channel, subscriptionId) {
      const { rows } = await pool.query<{ at: Date | null }>(
        `SELECT max(composed_at) AS at FROM deliveries
         WHERE platform = $1 AND workspace = $2 AND channel = $3 AND state IN ('sent', 'empty') AND ($4::text IS NULL OR subscription_id = $4)`,
        [channel.platform, channel.workspace, channel.channel, subscriptionId ?? null],
      );
      return rows[0]?.at?.toISOString();
    },
    async sentSources(channel, storyIds, subscriptionId) {
      const { rows } = await pool.query<{ story_id: StoryId; article_id: ArticleId }>(
        `SELECT story_id, article_id FROM sent_stories WHERE platform = $1 AND workspace = $2 AND channel = $3
           AND ($4::text IS NULL OR subscription_id = $4) AND story_id = ANY($5)`,
        [channel.platform, channel.workspace, channel.channel, subscriptionId ?? null, storyIds],
      );
      const result = new Map<StoryId, Set<ArticleId>>();
      for (const row of rows) result.set(row.story_id, (result.get(row.story_id) ?? new Set()).add(row.article_id));
      return result;
    },
  };
}
