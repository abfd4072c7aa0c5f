import type { ArticleId, StoryId } from '../../core/article.js';
import type { ChannelRef, Digest } from '../../core/digest.js';
import type { DeliveryKey, SubscriptionId } from '../../core/subscription.js';
import type { ClaimResult, DeliveryRecord, DeliveryState, DeliveryStore, SentMessage } from '../deliveries.js';
import type { SqliteDatabase } from './open-database.js';

interface DeliveryRow {
  subscription_id: string;
  slot: string;
  delivery_key: string;
  platform: ChannelRef['platform'];
  workspace: string;
  channel: string;
  state: DeliveryState;
  owner: string | null;
  lease_expires_at: string | null;
  attempts: number;
  digest: string | null;
  composed_at: string | null;
  sent_refs: string;
  error: string | null;
  updated_at: string;
}

function toRecord(row: DeliveryRow): DeliveryRecord {
  return {
    subscriptionId: row.subscription_id as SubscriptionId,
    slot: row.slot,
    key: row.delivery_key as DeliveryKey,
    channel: { platform: row.platform, workspace: row.workspace, channel: row.channel },
    state: row.state,
    ...(row.owner ? { owner: row.owner } : {}),
    ...(row.lease_expires_at ? { leaseExpiresAt: row.lease_expires_at } : {}),
    attempts: row.attempts,
    ...(row.digest ? { digest: JSON.parse(row.digest) as Digest } : {}),
    ...(row.composed_at ? { composedAt: row.composed_at } : {}),
    sent: JSON.parse(row.sent_refs) as SentMessage[],
    ...(row.error ? { error: row.error } : {}),
    updatedAt: row.updated_at,
  };
}

/** SQLite caps bound parameters; story id lists are looked up in chunks of this size. */
const chunkSize = 500;

export function createDeliveryStore(db: SqliteDatabase): DeliveryStore {
  const get = db.prepare<[string, string], DeliveryRow>('SELECT * FROM deliveries WHERE subscription_id = ? AND slot = ?');
  const insert = db.prepare(
    `INSERT INTO deliveries (subscription_id, slot, delivery_key, platform, workspace, channel, state, owner, lease_expires_at, attempts, updated_at)
     VALUES (@subscription_id, @slot, @key, @platform, @workspace, @channel, 'claimed', @owner, @lease, 1, @now)`,
  );
  const takeOver = db.prepare(
    `UPDATE deliveries SET state = 'claimed', owner = @owner, lease_expires_at = @lease, attempts = attempts + 1, updated_at = @now
     WHERE subscription_id = @subscription_id AND slot = @slot`,
  );
  const saveDigest = db.prepare(
    `UPDATE deliveries SET digest = @digest, composed_at = @now, updated_at = @now
     WHERE subscription_id = @subscription_id AND slot = @slot AND state = 'claimed' AND owner = @owner`,
  );
  const finish = db.prepare(
    `UPDATE deliveries SET state = @state, owner = NULL, lease_expires_at = NULL, sent_refs = @sent, error = @error,
       composed_at = coalesce(composed_at, @now), updated_at = @now
     WHERE subscription_id = @subscription_id AND slot = @slot AND state = 'claimed' AND owner = @owner`,
  );
  const recordStory = db.prepare(
    `INSERT OR IGNORE INTO sent_stories (platform, workspace, channel, story_id, article_id, subscription_id, slot)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const latest = db.prepare<[string], DeliveryRow>('SELECT * FROM deliveries WHERE subscription_id = ? ORDER BY slot DESC LIMIT 1');
  const lastComposed = db.prepare<Record<string, string | null>, { at: string | null }>(
    `SELECT max(composed_at) AS at FROM deliveries
     WHERE platform = @platform AND workspace = @workspace AND channel = @channel AND state IN ('sent', 'empty')
       AND (@subscription_id IS NULL OR subscription_id = @subscription_id)`,
  );

  const claim = db.transaction((r: Parameters<DeliveryStore['claimDelivery']>[0]): ClaimResult => {
    const slot = r.slot.toISOString();
    const params = {
      subscription_id: r.subscriptionId,
      slot,
      key: r.key,
      ...r.channel,
      owner: r.owner,
      lease: new Date(r.now.getTime() + r.leaseMs).toISOString(),
      now: r.now.toISOString(),
    };
    const existing = get.get(r.subscriptionId, slot);
    if (!existing) {
      insert.run(params);
      return { outcome: 'claimed', record: toRecord(get.get(r.subscriptionId, slot)!), resumed: false };
    }
    if (existing.state === 'sent' || existing.state === 'empty' || existing.state === 'failed') return { outcome: 'done', record: toRecord(existing) };
    const leaseLive = existing.state === 'claimed' && existing.owner !== r.owner && (existing.lease_expires_at ?? '') > params.now;
    if (leaseLive) return { outcome: 'busy', record: toRecord(existing) };
    takeOver.run(params);
    return { outcome: 'claimed', record: toRecord(get.get(r.subscriptionId, slot)!), resumed: true };
  });

  function complete(subscriptionId: SubscriptionId, slot: Date, owner: string, state: DeliveryState, sent: readonly SentMessage[], error: string | null, at: Date): void {
    const changed = finish.run({ subscription_id: subscriptionId, slot: slot.toISOString(), owner, state, sent: JSON.stringify(sent), error, now: at.toISOString() });
    if (changed.changes === 0) throw new Error(`delivery ${subscriptionId} at ${slot.toISOString()} is not claimed by ${owner} (its lease expired and another process took it over)`);
  }

  const completeSent = db.transaction((subscriptionId: SubscriptionId, slot: Date, owner: string, sent: readonly SentMessage[], at: Date) => {
    const row = get.get(subscriptionId, slot.toISOString());
    complete(subscriptionId, slot, owner, 'sent', sent, null, at);
    const digest = row?.digest ? (JSON.parse(row.digest) as Digest) : undefined;
    for (const story of digest?.stories ?? []) {
      for (const source of story.sources) {
        recordStory.run(row!.platform, row!.workspace, row!.channel, story.storyId, source.articleId, subscriptionId, row!.slot);
      }
    }
  });

  return {
    claimDelivery: async (request) => claim.immediate(request),
    saveComposed: async (subscriptionId, slot, owner, digest, at) =>
      saveDigest.run({ subscription_id: subscriptionId, slot: slot.toISOString(), owner, digest: JSON.stringify(digest), now: at.toISOString() }).changes > 0,
    completeDelivery: async (subscriptionId, slot, owner, completion, at) => {
      if (completion.state === 'sent') completeSent.immediate(subscriptionId, slot, owner, completion.sent, at);
      else complete(subscriptionId, slot, owner, 'empty', [], null, at);
    },
    releaseDelivery: async (subscriptionId, slot, owner, error, at) => complete(subscriptionId, slot, owner, 'pending', [], error, at),
    failDelivery: async (subscriptionId, slot, owner, reason, at) => complete(subscriptionId, slot, owner, 'failed', [], reason, at),
    getDelivery: async (subscriptionId, slot) => {
      const row = get.get(subscriptionId, slot.toISOString());
      return row ? toRecord(row) : undefined;
    },
    latestDelivery: async (subscriptionId) => {
      const row = latest.get(subscriptionId);
      return row ? toRecord(row) : undefined;
    },
    lastComposedAt: async (channel, subscriptionId) =>
      lastComposed.get({ ...channel, subscription_id: subscriptionId ?? null })?.at ?? undefined,
    sentSources: async (channel, storyIds, subscriptionId) => {
      const result = new Map<StoryId, Set<ArticleId>>();
      for (let i = 0; i < storyIds.length; i += chunkSize) {
        const chunk = storyIds.slice(i, i + chunkSize);
        const rows = db
          .prepare<unknown[], { story_id: string; article_id: string }>(
            `SELECT story_id, article_id FROM sent_stories WHERE platform = ? AND workspace = ? AND channel = ?
               AND (? IS NULL OR subscription_id = ?) AND story_id IN (${chunk.map(() => '?').join(',')})`,
          )
          .all(channel.platform, channel.workspace, channel.channel, subscriptionId ?? null, subscriptionId ?? null, ...chunk);
        for (const row of rows) {
          const set = result.get(row.story_id as StoryId) ?? new Set<ArticleId>();
          set.add(row.article_id as ArticleId);
          result.set(row.story_id as StoryId, set);
        }
      }
      return result;
    },
  };
}
