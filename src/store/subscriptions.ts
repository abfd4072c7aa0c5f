import type { ChannelRef } from '../core/digest.js';
import type { Subscription } from '../core/subscription.js';

/** Where subscriptions live. Values come in validated (parseSubscription); ids match case-insensitively. */
export interface SubscriptionStore {
  addSubscription(subscription: Subscription): Promise<void>;
  getSubscription(id: string): Promise<Subscription | undefined>;
  /** Oldest first; every field given narrows the list. */
  listSubscriptions(filter?: SubscriptionFilter): Promise<Subscription[]>;
  /** False when there was no such subscription. Its delivery history is kept, so nothing is re-sent later. */
  removeSubscription(id: string): Promise<boolean>;
  /** A permanent delivery failure (channel deleted, bot removed): the reason is shown by `wirebrief status`. */
  disableSubscription(id: string, reason: string, at: Date): Promise<void>;
  enableSubscription(id: string): Promise<void>;
}

export interface SubscriptionFilter {
  readonly platform?: ChannelRef['platform'];
  readonly workspace?: string;
  readonly channel?: string;
  readonly state?: Subscription['status']['state'];
}
