import type { StoryId } from '../../src/core/article.js';
import { parseSubscription, type Subscription, type SubscriptionId, type SubscriptionInput } from '../../src/core/subscription.js';
import { DigestScheduler } from '../../src/scheduler/digest-scheduler.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { seedArticles } from '../core/compose/seed-stories.js';
import { ManualClock } from './manual-clock.js';
import { RecordingTransport } from './recording-transport.js';

export interface LogLine {
  readonly level: 'info' | 'warn' | 'error';
  readonly fields: object;
  readonly message: string;
}

export function collectingLog(lines: LogLine[]) {
  return {
    info: (fields: object, message: string) => lines.push({ level: 'info', fields, message }),
    warn: (fields: object, message: string) => lines.push({ level: 'warn', fields, message }),
    error: (fields: object, message: string) => lines.push({ level: 'error', fields, message }),
  };
}

export function subscription(id: string, input: Partial<SubscriptionInput> = {}, createdAt = '2025-12-01T00:00:00Z'): Subscription {
  const parsed = parseSubscription({ cron: '0 8 * * *', timeZone: 'Europe/Berlin', ...input }, { id: id as SubscriptionId, now: new Date(createdAt), defaultTimeZone: 'UTC' });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.subscription;
}

/** A real store holding the two seed reports as one story, stored at `storedAt`. */
export async function seededStore(clock: ManualClock, storedAt: string): Promise<Store> {
  const store = openSqliteStore(':memory:', { now: () => clock.now() });
  const restore = clock.now().toISOString();
  clock.set(storedAt);
  const results = await store.writeArticles(seedArticles().map((a, i) => ({ originKey: `seed-${i}`, title: a.title, titleIsOwn: true, body: a.body, meta: a.meta })));
  await store.setStories(results.map((r) => ({ articleId: r.id, storyId: 'st-seeds' as StoryId })));
  clock.set(restore);
  return store;
}

export interface Harness {
  readonly clock: ManualClock;
  readonly store: Store;
  readonly transport: RecordingTransport;
  readonly log: LogLine[];
  /** A scheduler process; each call is a new process (a restart) with its own owner id. */
  process(name?: string): DigestScheduler;
}

export async function harness(now: string, storedAt = '2025-12-26T06:00:00Z'): Promise<Harness> {
  const clock = new ManualClock(now);
  const store = await seededStore(clock, storedAt);
  const transport = new RecordingTransport();
  const log: LogLine[] = [];
  let processes = 0;
  return {
    clock,
    store,
    transport,
    log,
    process: (name) =>
      new DigestScheduler({
        store,
        transports: new Map([['local', transport]]),
        clock,
        owner: name ?? `process-${++processes}`,
        leaseMs: 10 * 60_000,
        retry: { attempts: 4, baseDelayMs: 1_000, maxDelayMs: 8_000 },
        log: collectingLog(log),
        catchUpHours: 6,
      }),
  };
}
