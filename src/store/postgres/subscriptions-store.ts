import type { ChannelRef } from '../../core/digest.js';
import type { CronExpression, Subscription, SubscriptionId, ThreadMode, TimeZone, TopicFilter } from '../../core/subscription.js';
import type { SubscriptionStore } from '../subscriptions.js';
import type { PgPool } from './pool.js';

interface SubscriptionRow {
  id: string;
  platform: ChannelRef['platform'];
  workspace: string;
  channel: string;
  cron: string;
  time_zone: string;
  max_stories: number;
  topic: TopicFilter | null;
  thread_mode: ThreadMode;
  no_news_note: boolean;
  repeat_across: boolean;
  state: 'active' | 'disabled';
  disabled_reason: string | null;
  disabled_at: Date | null;
  created_at: Date;
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id as SubscriptionId,
    channel: { platform: row.platform, workspace: row.workspace, channel: row.channel },
    cron: row.cron as CronExpression,
    timeZone: row.time_zone as TimeZone,
    maxStories: row.max_stories,
    ...(row.topic ? { topic: row.topic } : {}),
    threadMode: row.thread_mode,
    noNewsNote: row.no_news_note,
    repeatAcrossSubscriptions: row.repeat_across,
    status:
      row.state === 'disabled'
        ? { state: 'disabled', reason: row.disabled_reason ?? '', since: (row.disabled_at ?? row.created_at).toISOString() }
        : { state: 'active' },
    createdAt: row.created_at.toISOString(),
  };
}

export function createSubscriptionStore(pool: PgPool): SubscriptionStore {
  return {
    async addSubscription(s) {
      const disabled = s.status.state === 'disabled' ? s.status : undefined;
      await pool.query(
        `INSERT INTO subscriptions (id, platform, workspace, channel, cron, time_zone, max_stories, topic, thread_mode,
           no_news_note, repeat_across, state, disabled_reason, disabled_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          s.id, s.channel.platform, s.channel.workspace, s.channel.channel, s.cron, s.timeZone, s.maxStories,
          s.topic ? JSON.stringify(s.topic) : null, s.threadMode, s.noNewsNote, s.repeatAcrossSubscriptions,
          s.status.state, disabled?.reason ?? null, disabled?.since ?? null, s.createdAt,
        ],
      );
    },
    async getSubscription(id) {
      const { rows } = await pool.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE lower(id) = lower($1)', [id]);
      return rows[0] && toSubscription(rows[0]);
    },
    async listSubscriptions(filter = {}) {
      const { rows } = await pool.query<SubscriptionRow>(
        `SELECT * FROM subscriptions
         WHERE ($1::text IS NULL OR platform = $1) AND ($2::text IS NULL OR workspace = $2)
           AND ($3::text IS NULL OR channel = $3) AND ($4::text IS NULL OR state = $4)
         ORDER BY created_at, id`,
        [filter.platform ?? null, filter.workspace ?? null, filter.channel ?? null, filter.state ?? null],
      );
      return rows.map(toSubscription);
    },
    async removeSubscription(id) {
      return ((await pool.query('DELETE FROM subscriptions WHERE lower(id) = lower($1)', [id])).rowCount ?? 0) > 0;
    },
    async disableSubscription(id, reason, at) {
      await pool.query("UPDATE subscriptions SET state = 'disabled', disabled_reason = $1, disabled_at = $2 WHERE lower(id) = lower($3)", [reason, at, id]);
    },
    async enableSubscription(id) {
      await pool.query("UPDATE subscriptions SET state = 'active', disabled_reason = NULL, disabled_at = NULL WHERE lower(id) = lower($1)", [id]);
    },
  };
}
