import type { Clock } from './clock.js';
import { DeliveryError } from './delivery-error.js';

/** Exponential backoff with a ceiling; a platform's Retry-After wins when it asks for longer. */
export interface RetryPolicy {
  /** Send attempts per delivery run (the first one included). */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 5, baseDelayMs: 2_000, maxDelayMs: 60_000 };

export function backoffMs(policy: RetryPolicy, failedAttempt: number, retryAfterMs?: number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
  return Math.max(exponential, retryAfterMs ?? 0);
}

export type RetryResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: DeliveryError };

/**
 * Runs `attempt` until it succeeds, fails permanently, or the attempts run out. Anything thrown that is not
 * a DeliveryError counts as transient: an unknown failure must never make us drop a delivery. A Retry-After
 * longer than `maxDelayMs` ends this run at once (the delivery stays pending for the next one) rather than
 * holding the claim past its lease.
 */
export async function withRetry<T>(attempt: () => Promise<T>, policy: RetryPolicy, clock: Clock, signal?: AbortSignal): Promise<RetryResult<T>> {
  for (let n = 1; ; n++) {
    try {
      return { ok: true, value: await attempt() };
    } catch (thrown) {
      const error = thrown instanceof DeliveryError ? thrown : DeliveryError.transient(thrown instanceof Error ? thrown.message : String(thrown), undefined, thrown);
      const waitTooLong = (error.retryAfterMs ?? 0) > policy.maxDelayMs;
      if (error.kind === 'permanent' || n >= policy.attempts || waitTooLong || signal?.aborted) return { ok: false, error };
      await clock.sleep(backoffMs(policy, n, error.retryAfterMs), signal);
    }
  }
}
