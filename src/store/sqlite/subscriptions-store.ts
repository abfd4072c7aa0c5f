import type { ChannelRef } from '../../core/digest.js';
import type { CronExpression, Subscription, SubscriptionId, ThreadMode, TimeZone, TopicFilter } from '../../core/subscription.js';
import type { SubscriptionStore } from '../subscriptions.js';
import type { SqliteDatabase } from './open-database.js';

interface SubscriptionRow {
  id: string;
  platform: ChannelRef['platform'];
  workspace: string;
  channel: string;
  cron: string;
  time_zone: string;
  max_stories: number;
  topic: string | null;
  thread_mode: ThreadMode;
  no_news_note: number;
  repeat_across: number;
  state: 'active' | 'disabled';
  disabled_reason: string | null;
  disabled_at: string | null;
  created_at: string;
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id as SubscriptionId,
    channel: { platform: row.platform, workspace: row.workspace, channel: row.channel },
    cron: row.cron as CronExpression,
    timeZone: row.time_zone as TimeZone,
    maxStories: row.max_stories,
    ...(row.topic ? { topic: JSON.parse(row.topic) as TopicFilter } : {}),
    threadMode: row.thread_mode,
    noNewsNote: row.no_news_note === 1,
    repeatAcrossSubscriptions: row.repeat_across === 1,
    status:
      row.state === 'disabled'
        ? { state: 'disabled', reason: row.disabled_reason ?? '', since: row.disabled_at ?? row.created_at }
        : { state: 'active' },
    createdAt: row.created_at,
  };
}

export function createSubscriptionStore(db: SqliteDatabase): SubscriptionStore {
  const insert = db.prepare(
    `INSERT INTO subscriptions (id, platform, workspace, channel, cron, time_zone, max_stories, topic, thread_mode,
       no_news_note, repeat_across, state, disabled_reason, disabled_at, created_at)
     VALUES (@id, @platform, @workspace, @channel, @cron, @time_zone, @max_stories, @topic, @thread_mode,
       @no_news_note, @repeat_across, @state, @disabled_reason, @disabled_at, @created_at)`,
  );
  const byId = db.prepare<[string], SubscriptionRow>('SELECT * FROM subscriptions WHERE id = ?');
  const list = db.prepare<Record<string, string | null>, SubscriptionRow>(
    `SELECT * FROM subscriptions
     WHERE (@platform IS NULL OR platform = @platform) AND (@workspace IS NULL OR workspace = @workspace)
       AND (@channel IS NULL OR channel = @channel) AND (@state IS NULL OR state = @state)
     ORDER BY created_at, id`,
  );
  const remove = db.prepare<[string]>('DELETE FROM subscriptions WHERE id = ?');
  const disable = db.prepare<[string, string, string]>(
    "UPDATE subscriptions SET state = 'disabled', disabled_reason = ?, disabled_at = ? WHERE id = ?",
  );
  const enable = db.prepare<[string]>("UPDATE subscriptions SET state = 'active', disabled_reason = NULL, disabled_at = NULL WHERE id = ?");

  return {
    addSubscription: async (s) => {
      insert.run({
        id: s.id,
        ...s.channel,
        cron: s.cron,
        time_zone: s.timeZone,
        max_stories: s.maxStories,
        topic: s.topic ? JSON.stringify(s.topic) : null,
        thread_mode: s.threadMode,
        no_news_note: s.noNewsNote ? 1 : 0,
        repeat_across: s.repeatAcrossSubscriptions ? 1 : 0,
        state: s.status.state,
        disabled_reason: s.status.state === 'disabled' ? s.status.reason : null,
        disabled_at: s.status.state === 'disabled' ? s.status.since : null,
        created_at: s.createdAt,
      });
    },
    getSubscription: async (id) => {
      const row = byId.get(id);
      return row ? toSubscription(row) : undefined;
    },
    listSubscriptions: async (filter = {}) =>
      list
        .all({ platform: filter.platform ?? null, workspace: filter.workspace ?? null, channel: filter.channel ?? null, state: filter.state ?? null })
        .map(toSubscription),
    removeSubscription: async (id) => remove.run(id).changes > 0,
    disableSubscription: async (id, reason, at) => {
      disable.run(reason, at.toISOString(), id);
    },
    enableSubscription: async (id) => {
      enable.run(id);
    },
  };
}
