import { type CronSpec, parseCron } from './cron/cron-expression.js';
import { nextSlot } from './cron/cron-slots.js';
import { describeSchedule } from './cron/describe-schedule.js';
import { isTimeZone } from './cron/zoned-time.js';
import type { ChannelRef } from './digest.js';
import { contentHash } from './ids.js';

/**
 * A channel's standing order for digests. Built only through `parseSubscription` (validation with errors a
 * person understands), so a `Subscription` value always has a valid cron expression and time zone.
 */
export type SubscriptionId = string & { readonly __brand: 'SubscriptionId' };
/** A five-field cron expression that passed validation. */
export type CronExpression = string & { readonly __brand: 'CronExpression' };
/** An IANA time zone that Intl accepts. */
export type TimeZone = string & { readonly __brand: 'TimeZone' };

/**
 * - `single`: the digest is one message (split only where a platform limit forces it).
 * - `per-story`: a header message, then one message per story, so each story can carry its own thread.
 */
export type ThreadMode = 'single' | 'per-story';

/** Keep stories whose text mentions any keyword, or that any listed source covered (case-insensitive). */
export interface TopicFilter {
  readonly keywords: readonly string[];
  readonly sources: readonly string[];
}

export type SubscriptionStatus =
  | { readonly state: 'active' }
  | { readonly state: 'disabled'; readonly reason: string; readonly since: string };

export interface Subscription {
  readonly id: SubscriptionId;
  readonly channel: ChannelRef;
  readonly cron: CronExpression;
  readonly timeZone: TimeZone;
  readonly maxStories: number;
  readonly topic?: TopicFilter;
  readonly threadMode: ThreadMode;
  /** Post a one-line note when a slot has no news (otherwise an empty slot posts nothing). */
  readonly noNewsNote: boolean;
  /**
   * By default a story already sent to the channel (by any subscription there) is not sent again; set this
   * for a subscription that should repeat what another one in the same channel already posted.
   */
  readonly repeatAcrossSubscriptions: boolean;
  readonly status: SubscriptionStatus;
  /** ISO date-time. */
  readonly createdAt: string;
}

/**
 * Names one (subscription, slot) delivery on the platform: at most 20 lowercase letters and digits, so a
 * transport can append "-N" for a multi-part delivery and stay within Discord's 25-character nonce.
 */
export type DeliveryKey = string & { readonly __brand: 'DeliveryKey' };

export function deliveryKeyFor(subscription: SubscriptionId, slot: Date): DeliveryKey {
  return `wb${contentHash(`${subscription}|${slot.toISOString()}`).slice(0, 18)}` as DeliveryKey;
}

// ---- validation on entry ----------------------------------------------------------------------------

/** What a person typed (CLI flags or a slash command), before validation. */
export interface SubscriptionInput {
  readonly platform?: string;
  readonly workspace?: string;
  readonly channel?: string;
  readonly cron: string;
  readonly timeZone?: string;
  readonly maxStories?: number | string;
  /** Comma-separated keywords; `source:NAME` items filter by source, e.g. "missile, source:AFP". */
  readonly topic?: string;
  readonly threadMode?: string;
  readonly noNewsNote?: boolean;
  readonly repeatAcrossSubscriptions?: boolean;
}

export type SubscriptionParse =
  | { readonly ok: true; readonly subscription: Subscription; readonly spec: CronSpec; readonly confirmation: string }
  | { readonly ok: false; readonly errors: readonly string[] };

export const maxStoriesLimit = 10;
const platforms: readonly ChannelRef['platform'][] = ['slack', 'discord', 'local'];
const threadModes: readonly ThreadMode[] = ['single', 'per-story'];

export function parseTopic(text: string | undefined): TopicFilter | undefined {
  const items = (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) return undefined;
  const sources = items.filter((s) => /^source:/i.test(s)).map((s) => s.slice('source:'.length).trim()).filter(Boolean);
  const keywords = items.filter((s) => !/^source:/i.test(s));
  return { keywords, sources };
}

export function formatTopic(topic: TopicFilter): string {
  return [...topic.keywords, ...topic.sources.map((s) => `source:${s}`)].join(', ');
}

function parseMax(raw: number | string | undefined, errors: string[]): number {
  if (raw === undefined || raw === '') return 5;
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > maxStoriesLimit) {
    errors.push(`max stories must be a whole number from 1 to ${maxStoriesLimit} (got "${raw}")`);
  }
  return n;
}

export function parseSubscription(
  input: SubscriptionInput,
  ctx: { readonly id: SubscriptionId; readonly now: Date; readonly defaultTimeZone: string },
): SubscriptionParse {
  const errors: string[] = [];
  const platform = (input.platform ?? 'local').toLowerCase() as ChannelRef['platform'];
  if (!platforms.includes(platform)) errors.push(`platform "${input.platform}" is not one of ${platforms.join(', ')}`);
  const workspace = input.workspace?.trim() || (platform === 'local' ? 'local' : '');
  const channel = input.channel?.trim() || (platform === 'local' ? 'local' : '');
  if (!workspace) errors.push(`a ${platform} subscription needs the workspace (Slack team id or Discord guild id)`);
  if (!channel) errors.push(`a ${platform} subscription needs the channel id`);
  const cron = parseCron(input.cron);
  if (!cron.ok) errors.push(cron.error);
  const zone = (input.timeZone ?? ctx.defaultTimeZone).trim();
  if (!isTimeZone(zone)) errors.push(`time zone "${zone}" is not an IANA time zone name such as Europe/Berlin or America/New_York`);
  const maxStories = parseMax(input.maxStories, errors);
  const threadMode = (input.threadMode ?? 'single') as ThreadMode;
  if (!threadModes.includes(threadMode)) errors.push(`thread mode "${input.threadMode}" is not one of ${threadModes.join(', ')}`);
  if (errors.length > 0 || !cron.ok || !isTimeZone(zone)) return { ok: false, errors };
  const topic = parseTopic(input.topic);
  const subscription: Subscription = {
    id: ctx.id,
    channel: { platform, workspace, channel },
    cron: cron.spec.expression,
    timeZone: zone,
    maxStories,
    ...(topic ? { topic } : {}),
    threadMode,
    noNewsNote: input.noNewsNote ?? false,
    repeatAcrossSubscriptions: input.repeatAcrossSubscriptions ?? false,
    status: { state: 'active' },
    createdAt: ctx.now.toISOString(),
  };
  const confirmation = describeSchedule(cron.spec, zone, nextSlot(cron.spec, zone, ctx.now));
  return { ok: true, subscription, spec: cron.spec, confirmation };
}

/** The parsed schedule of a stored subscription (validated when it was created). */
export function scheduleOf(subscription: Pick<Subscription, 'cron'>): CronSpec {
  const parsed = parseCron(subscription.cron);
  if (!parsed.ok) throw new Error(`subscription schedule is no longer valid: ${parsed.error}`);
  return parsed.spec;
}
