import { createHttpGet } from '../../../src/sources/fetch/http-get.js';
import type { FetchLimits } from '../../../src/sources/fetch/fetch-types.js';
import { createPoliteFetcher } from '../../../src/sources/fetch/polite-fetcher.js';
import type { PollPolicy } from '../../../src/sources/feeds/poll-policy.js';
import { type SourceNotice, SourcePoller } from '../../../src/sources/feeds/source-poller.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../../src/store/store.js';
import { ManualClock } from '../../scheduler/manual-clock.js';

export const userAgent = 'Wirebrief-test/1 (+mailto:test@example.org)';

export interface Harness {
  readonly store: Store;
  readonly clock: ManualClock;
  readonly poller: SourcePoller;
  readonly notices: SourceNotice[];
  close(): Promise<void>;
}

/** A poller on a fresh in-memory store with a manual clock: real HTTP to the fake server, nothing mocked. */
export function harness(options: { limits?: Partial<FetchLimits>; policy?: Partial<PollPolicy>; hostGapMs?: number; start?: string } = {}): Harness {
  const clock = new ManualClock(options.start ?? '2025-12-26T08:00:00Z');
  const store = openSqliteStore(':memory:', { now: () => clock.now() });
  const get = createHttpGet({ userAgent, limits: options.limits ?? {} });
  const fetcher = createPoliteFetcher({ get, clock, hostGapMs: options.hostGapMs ?? 0 });
  const notices: SourceNotice[] = [];
  const poller = new SourcePoller({ store, sink: store, fetcher, clock, policy: options.policy ?? {}, notify: async (n) => void notices.push(n) });
  return {
    store,
    clock,
    poller,
    notices,
    close: async () => {
      await get.close();
      await store.close();
    },
  };
}
