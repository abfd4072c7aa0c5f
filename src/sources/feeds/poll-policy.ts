/** How often and how patiently sources are polled. */
export interface PollPolicy {
  /** Minimum time between two fetches of one feed (default 15 min). */
  readonly feedIntervalMs: number;
  /** A single article URL changes rarely (default 24 h). */
  readonly pageIntervalMs: number;
  /** On a feed's first fetch, items published within this window count as new; older ones are stored as backlog (default 24 h). */
  readonly lookbackMs: number;
  /** Consecutive failures before the subscribed channels are told (default 3). */
  readonly noticeAfterFailures: number;
  /** The backoff doubles with each failure up to this (default 6 h). */
  readonly maxBackoffMs: number;
  /** URLs fetched per poll pass at most (default 500). */
  readonly maxPerPass: number;
  /**
   * How long a claimed URL is withheld from the other processes (default 10 min): long enough for a poll queued
   * behind its host's gap and fetching its teasers' pages, short enough that a process that died mid-poll
   * delays the source by minutes only. A poll that outlives it may be fetched a second time, harmlessly.
   */
  readonly claimLeaseMs: number;
}

export const defaultPollPolicy: PollPolicy = {
  feedIntervalMs: 15 * 60_000,
  pageIntervalMs: 24 * 3_600_000,
  lookbackMs: 24 * 3_600_000,
  noticeAfterFailures: 3,
  maxBackoffMs: 6 * 3_600_000,
  maxPerPass: 500,
  claimLeaseMs: 10 * 60_000,
};

/** Delay before the next try after `failures` consecutive failures: the interval, doubled per failure, capped. */
export function backoffMs(policy: PollPolicy, intervalMs: number, failures: number): number {
  return Math.min(policy.maxBackoffMs, intervalMs * 2 ** Math.max(0, failures - 1));
}

/**
 * When a newly found item counts as stored. Items of a feed's first fetch older than the look-back window, or
 * without a date, are backlog: dated to their publication (or to just before the window) so the composer,
 * which takes stories stored since the channel's last digest, does not flood the first digest with them.
 */
export function storedAtFor(policy: PollPolicy, firstFetch: boolean, published: string | undefined, now: Date): string | undefined {
  if (!firstFetch) return undefined;
  const cutoff = now.getTime() - policy.lookbackMs;
  const time = published === undefined ? Number.NaN : Date.parse(published);
  if (Number.isNaN(time)) return new Date(cutoff - 1).toISOString();
  return time < cutoff ? new Date(time).toISOString() : undefined;
}
