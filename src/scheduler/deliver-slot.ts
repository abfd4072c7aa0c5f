import { composeDigest } from '../core/compose/compose-digest.js';
import { digestMessages } from '../core/compose/digest-messages.js';
import { formatSlot } from '../core/cron/describe-schedule.js';
import type { Digest } from '../core/digest.js';
import { deliveryKeyFor, type Subscription } from '../core/subscription.js';
import type { DeliveryStore } from '../store/deliveries.js';
import type { DigestArchive } from '../store/digest-archive.js';
import type { SubscriptionStore } from '../store/subscriptions.js';
import { type CandidateSource, loadCandidates } from './candidates.js';
import type { Clock } from './clock.js';
import { type RetryPolicy, withRetry } from './retry-policy.js';
import type { DigestTransport } from './transport.js';

/** What the scheduler logs through (pino's Logger fits). */
export interface SchedulerLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface DeliveryDeps {
  readonly store: DeliveryStore & Pick<SubscriptionStore, 'disableSubscription'> & CandidateSource;
  readonly transports: ReadonlyMap<Subscription['channel']['platform'], DigestTransport>;
  readonly archive?: DigestArchive;
  readonly clock: Clock;
  /** Names this process in delivery claims (host:pid:random). */
  readonly owner: string;
  /** How long a claim holds before another process may take it over; longer than any send with retries. */
  readonly leaseMs: number;
  readonly retry: RetryPolicy;
  readonly log: SchedulerLog;
  readonly signal?: AbortSignal;
  /** Runs before a digest is composed (the CLI puts newly ingested articles into stories here). */
  readonly beforeCompose?: () => Promise<void>;
}

export type SlotOutcome =
  | 'sent'
  | 'empty'
  /** A process died after posting; the platform confirmed the post and the record was completed. */
  | 'reconciled'
  | 'already-done'
  | 'busy'
  /** Transient failure after every retry: left pending, retried by the next run or start-up. */
  | 'retry-later'
  | 'disabled'
  | 'no-transport';

/** A first digest in a channel covers the day before its slot. */
const firstDigestLookbackMs = 24 * 3_600_000;

async function compose(deps: DeliveryDeps, subscription: Subscription, slot: Date): Promise<Digest> {
  await deps.beforeCompose?.();
  const own = subscription.repeatAcrossSubscriptions ? subscription.id : undefined;
  const since = (await deps.store.lastComposedAt(subscription.channel, own)) ?? new Date(slot.getTime() - firstDigestLookbackMs).toISOString();
  const candidates = await loadCandidates(deps.store, since);
  const sent = await deps.store.sentSources(subscription.channel, candidates.map((c) => c.storyId), own);
  return composeDigest({
    channel: subscription.channel,
    title: `Wirebrief digest, ${formatSlot(slot, subscription.timeZone)}`,
    composedAt: slot,
    maxStories: subscription.maxStories,
    ...(subscription.topic ? { topic: subscription.topic } : {}),
    candidates,
    sent,
  });
}

/**
 * Delivers one (subscription, slot) exactly once: claim → (after a crash: ask the platform) → compose and save
 * → send with retries → complete. Safe to call any number of times, from any number of processes.
 */
export async function deliverSlot(deps: DeliveryDeps, subscription: Subscription, slot: Date): Promise<SlotOutcome> {
  const fields = { subscription: subscription.id, slot: slot.toISOString() };
  const transport = deps.transports.get(subscription.channel.platform);
  if (!transport) {
    deps.log.warn(fields, `no ${subscription.channel.platform} connection in this process; the slot is left for one that has it`);
    return 'no-transport';
  }
  const key = deliveryKeyFor(subscription.id, slot);
  const claim = await deps.store.claimDelivery({ subscriptionId: subscription.id, slot, key, channel: subscription.channel, owner: deps.owner, leaseMs: deps.leaseMs, now: deps.clock.now() });
  if (claim.outcome === 'done') return 'already-done';
  if (claim.outcome === 'busy') return 'busy';

  const fail = async (error: { kind: 'transient' | 'permanent'; reason: string }): Promise<SlotOutcome> => {
    const at = deps.clock.now();
    if (error.kind === 'permanent') {
      await deps.store.failDelivery(subscription.id, slot, deps.owner, error.reason, at);
      await deps.store.disableSubscription(subscription.id, error.reason, at);
      deps.log.error({ ...fields, reason: error.reason }, 'delivery failed permanently; subscription disabled');
      return 'disabled';
    }
    await deps.store.releaseDelivery(subscription.id, slot, deps.owner, error.reason, at);
    deps.log.warn({ ...fields, reason: error.reason }, 'delivery failed for now; it stays pending and is retried');
    return 'retry-later';
  };

  if (claim.resumed) {
    const found = await withRetry(() => transport.findSent(subscription.channel, key), deps.retry, deps.clock, deps.signal);
    if (!found.ok) return fail(found.error);
    if (found.value) {
      await deps.store.completeDelivery(subscription.id, slot, deps.owner, { state: 'sent', sent: found.value }, deps.clock.now());
      deps.log.info(fields, 'an earlier attempt had posted this digest; recorded it without posting again');
      return 'reconciled';
    }
  }

  let digest = claim.record.digest;
  if (!digest) {
    digest = await compose(deps, subscription, slot);
    if (!(await deps.store.saveComposed(subscription.id, slot, deps.owner, digest, deps.clock.now()))) return 'busy';
    if (digest.stories.length > 0) await deps.archive?.write(digest, key);
  }
  const messages = digestMessages(digest, subscription.threadMode, subscription.noNewsNote);
  if (messages.length === 0) {
    await deps.store.completeDelivery(subscription.id, slot, deps.owner, { state: 'empty' }, deps.clock.now());
    return 'empty';
  }
  const sent = await withRetry(() => transport.send(subscription.channel, messages, key), deps.retry, deps.clock, deps.signal);
  if (!sent.ok) return fail(sent.error);
  await deps.store.completeDelivery(subscription.id, slot, deps.owner, { state: 'sent', sent: sent.value }, deps.clock.now());
  deps.log.info({ ...fields, stories: digest.stories.length, messages: sent.value.length }, 'digest delivered');
  return 'sent';
}
