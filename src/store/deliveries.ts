import type { SentSources } from '../core/compose/story-input.js';
import type { StoryId } from '../core/article.js';
import type { ChannelRef, Digest } from '../core/digest.js';
import type { DeliveryKey, SubscriptionId } from '../core/subscription.js';

/**
 * Exactly-once delivery records, one per (subscription, slot).
 *
 * claimed  → a process owns the slot until its lease expires (a crashed owner's claim then lapses);
 * pending  → an attempt failed transiently; the next claim retries it;
 * sent     → posted, with the platform message ids; empty → nothing to post (and no note wanted);
 * failed   → permanent failure; the subscription was disabled.
 */
export type DeliveryState = 'claimed' | 'pending' | 'sent' | 'empty' | 'failed';

export interface SentMessage {
  readonly channel: string;
  readonly messageId: string;
}

export interface DeliveryRecord {
  readonly subscriptionId: SubscriptionId;
  /** ISO date-time of the slot. */
  readonly slot: string;
  readonly key: DeliveryKey;
  readonly channel: ChannelRef;
  readonly state: DeliveryState;
  readonly owner?: string;
  readonly leaseExpiresAt?: string;
  /** Claims so far, this one included. */
  readonly attempts: number;
  /** The digest composed for this slot, saved before sending so that every retry posts the same content. */
  readonly digest?: Digest;
  readonly composedAt?: string;
  readonly sent: readonly SentMessage[];
  readonly error?: string;
  readonly updatedAt: string;
}

export interface ClaimRequest {
  readonly subscriptionId: SubscriptionId;
  readonly slot: Date;
  readonly key: DeliveryKey;
  readonly channel: ChannelRef;
  readonly owner: string;
  readonly leaseMs: number;
  readonly now: Date;
}

export type ClaimResult =
  /** `resumed`: an earlier attempt may have posted something; ask the platform (findSent) before sending. */
  | { readonly outcome: 'claimed'; readonly record: DeliveryRecord; readonly resumed: boolean }
  | { readonly outcome: 'done'; readonly record: DeliveryRecord }
  | { readonly outcome: 'busy'; readonly record: DeliveryRecord };

export type Completion = { readonly state: 'sent'; readonly sent: readonly SentMessage[] } | { readonly state: 'empty' };

export type { SentSources } from '../core/compose/story-input.js';

export interface DeliveryStore {
  /** Atomic: at most one owner holds a (subscription, slot) at a time, across processes sharing the store. */
  claimDelivery(request: ClaimRequest): Promise<ClaimResult>;
  /** Saves the composed digest under the owner's claim; false when the claim was lost (lease expired and taken). */
  saveComposed(subscriptionId: SubscriptionId, slot: Date, owner: string, digest: Digest, at: Date): Promise<boolean>;
  /** Marks the delivery done and records its stories as sent to the channel, in one transaction. */
  completeDelivery(subscriptionId: SubscriptionId, slot: Date, owner: string, completion: Completion, at: Date): Promise<void>;
  /** A transient failure: the claim is released as `pending`, with the error kept for `status`. */
  releaseDelivery(subscriptionId: SubscriptionId, slot: Date, owner: string, error: string, at: Date): Promise<void>;
  /** A permanent failure: the record becomes `failed` with the reason. */
  failDelivery(subscriptionId: SubscriptionId, slot: Date, owner: string, reason: string, at: Date): Promise<void>;
  getDelivery(subscriptionId: SubscriptionId, slot: Date): Promise<DeliveryRecord | undefined>;
  /** The subscription's latest delivery record (any state), by slot. */
  latestDelivery(subscriptionId: SubscriptionId): Promise<DeliveryRecord | undefined>;
  /** When the channel's last completed digest (sent or empty) was composed; only `subscriptionId`'s when given. */
  lastComposedAt(channel: ChannelRef, subscriptionId?: SubscriptionId): Promise<string | undefined>;
  /** Which of `storyIds` the channel was sent before, with their sources; only `subscriptionId`'s when given. */
  sentSources(channel: ChannelRef, storyIds: readonly StoryId[], subscriptionId?: SubscriptionId): Promise<SentSources>;
}
