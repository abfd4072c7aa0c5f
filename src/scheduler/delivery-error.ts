/**
 * How a transport says why a send failed. The scheduler only needs to know whether trying again can help:
 * - transient: the platform is down, rate-limited (429) or failing (5xx); retried with backoff, never dropped.
 * - permanent: the channel is gone, the bot was removed or lacks access; the subscription is disabled with
 *   `reason` shown by `wirebrief status`. The reason must never contain a token.
 */
export class DeliveryError extends Error {
  constructor(
    readonly kind: 'transient' | 'permanent',
    readonly reason: string,
    /** The platform's Retry-After, when it sent one (a 429). */
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(`delivery failed (${kind}): ${reason}`, options);
    this.name = 'DeliveryError';
  }

  static transient(reason: string, retryAfterMs?: number, cause?: unknown): DeliveryError {
    return new DeliveryError('transient', reason, retryAfterMs, { cause });
  }

  static permanent(reason: string, cause?: unknown): DeliveryError {
    return new DeliveryError('permanent', reason, undefined, { cause });
  }
}
