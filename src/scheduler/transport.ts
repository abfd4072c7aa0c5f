import type { ChannelRef } from '../core/digest.js';
import type { Outgoing } from '../core/message.js';
import type { DeliveryKey } from '../core/subscription.js';

export type { DeliveryKey } from '../core/subscription.js';

/** One platform message a delivery produced (Slack: channel id + ts; Discord: channel id + message id). */
export interface SentRef {
  readonly channel: string;
  readonly messageId: string;
}

/**
 * The port every delivering platform implements (Slack, Discord, the local console/archive).
 *
 * Exactly-once rests on two promises the transport makes:
 * - `send` is idempotent per (target, deliveryKey): calling it again with the same key after a crash or a
 *   timeout posts only the parts not posted yet, and returns every part's message. Each part names the key and
 *   its place (part i of n) on the platform, and the transport reads those back before posting: Slack in the
 *   message `metadata`, Discord in a footer marker, plus `nonce` = `${key}-${part}` with `enforce_nonce: true`
 *   (keys are at most 20 characters, so that stays within Discord's 25).
 * - `findSent` returns the delivery's messages when all its parts are posted, without posting; when none or only
 *   some are, it returns undefined and the scheduler calls `send`, which posts the rest. The scheduler calls it
 *   when it finds a delivery claimed by a process that died before recording the outcome.
 *
 * `messages` are posted in order into the target channel; each may become more than one platform message when
 * the renderer has to split it at platform limits. Failures are reported by throwing a `DeliveryError`
 * (see delivery-error.ts): transient ones are retried with backoff, permanent ones disable the subscription.
 * Any other thrown error is treated as transient, so a delivery is never dropped because of an unknown error.
 */
export interface DigestTransport {
  readonly platform: ChannelRef['platform'];
  send(target: ChannelRef, messages: readonly Outgoing[], deliveryKey: DeliveryKey): Promise<SentRef[]>;
  findSent(target: ChannelRef, deliveryKey: DeliveryKey): Promise<SentRef[] | undefined>;
}
