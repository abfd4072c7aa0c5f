import type { ChannelRef } from '../../src/core/digest.js';
import type { Outgoing } from '../../src/core/message.js';
import type { DeliveryKey } from '../../src/core/subscription.js';
import type { DigestTransport, SentRef } from '../../src/scheduler/transport.js';

export interface Post {
  readonly target: ChannelRef;
  readonly key: DeliveryKey;
  readonly messages: readonly Outgoing[];
}

/**
 * A real in-memory platform for the scheduler: it keeps what was posted per channel and honours the
 * transport contract (a resend with the same key returns the first post; findSent looks posts up by key).
 * `failures` are thrown by the next sends, in order; `hold` makes the next send post and then hang forever,
 * as a process killed right after posting would.
 */
export class RecordingTransport implements DigestTransport {
  readonly platform = 'local' as const;
  readonly posts: Post[] = [];
  readonly failures: unknown[] = [];
  hangAfterPosting = false;
  gate: Promise<void> | undefined;
  readonly #byKey = new Map<string, SentRef[]>();

  async send(target: ChannelRef, messages: readonly Outgoing[], key: DeliveryKey): Promise<SentRef[]> {
    await this.gate;
    const failure = this.failures.shift();
    if (failure !== undefined) throw failure;
    const earlier = this.#byKey.get(key);
    if (earlier) return earlier;
    this.posts.push({ target, key, messages });
    const refs = messages.map((_, i) => ({ channel: target.channel, messageId: `m${this.posts.length}.${i}` }));
    this.#byKey.set(key, refs);
    if (this.hangAfterPosting) return new Promise<never>(() => {});
    return refs;
  }

  async findSent(_target: ChannelRef, key: DeliveryKey): Promise<SentRef[] | undefined> {
    return this.#byKey.get(key);
  }
}
