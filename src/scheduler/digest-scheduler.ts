import { createTask, type ScheduledTask } from 'node-cron';
import { latestSlot } from '../core/cron/cron-slots.js';
import { scheduleOf, type Subscription, type SubscriptionId } from '../core/subscription.js';
import type { SubscriptionStore } from '../store/subscriptions.js';
import { type DeliveryDeps, deliverSlot, type SlotOutcome } from './deliver-slot.js';

export interface SchedulerDeps extends DeliveryDeps {
  readonly store: DeliveryDeps['store'] & Pick<SubscriptionStore, 'listSubscriptions' | 'getSubscription'>;
  /** A slot missed while the process was down is delivered at start-up if it is at most this old. */
  readonly catchUpHours: number;
}

export type RunOutcome = SlotOutcome | 'overlap-skipped' | 'no-slot' | 'outside-catch-up-window' | 'inactive';

/** How often the running scheduler re-reads subscriptions (added or removed by another process) and retries pending slots. */
const refreshPattern = '*/5 * * * *';

/**
 * Runs every active subscription on its cron schedule in its time zone (node-cron, no overlap), and at start-up
 * delivers the latest slot missed while down — once, and only if it lies within the catch-up window. Which
 * slots went out lives in the store, so restarts, crashes and several processes never post a slot twice.
 */
export class DigestScheduler {
  readonly #deps: SchedulerDeps;
  readonly #tasks = new Map<SubscriptionId, { readonly cron: string; readonly task: ScheduledTask }>();
  readonly #running = new Set<SubscriptionId>();
  /** Deliveries under way, so that stop() can let them finish instead of leaving their claims to expire. */
  readonly #inFlight = new Set<Promise<unknown>>();
  #refresher: ScheduledTask | undefined;

  constructor(deps: SchedulerDeps) {
    this.#deps = deps;
  }

  /** Delivers the subscription's latest slot at or before now, unless a run for it is already in progress. */
  async runDue(subscription: Subscription, options: { readonly catchUp?: boolean } = {}): Promise<RunOutcome> {
    if (subscription.status.state !== 'active') return 'inactive';
    const now = this.#deps.clock.now();
    const slot = latestSlot(scheduleOf(subscription), subscription.timeZone, now);
    if (!slot || slot.getTime() < Date.parse(subscription.createdAt)) return 'no-slot';
    if (options.catchUp && now.getTime() - slot.getTime() > this.#deps.catchUpHours * 3_600_000) return 'outside-catch-up-window';
    if (this.#running.has(subscription.id)) {
      this.#deps.log.warn({ subscription: subscription.id }, 'previous run still in progress; this one is skipped');
      return 'overlap-skipped';
    }
    this.#running.add(subscription.id);
    const delivery = deliverSlot(this.#deps, subscription, slot);
    this.#inFlight.add(delivery);
    try {
      return await delivery;
    } finally {
      this.#running.delete(subscription.id);
      this.#inFlight.delete(delivery);
    }
  }

  /** Start-up (and periodic) catch-up: each active subscription's latest slot, if missed and recent enough. */
  async catchUp(): Promise<Map<SubscriptionId, RunOutcome>> {
    const outcomes = new Map<SubscriptionId, RunOutcome>();
    for (const subscription of await this.#deps.store.listSubscriptions({ state: 'active' })) {
      outcomes.set(subscription.id, await this.#runLogged(subscription, true));
    }
    return outcomes;
  }

  async start(): Promise<void> {
    await this.catchUp();
    await this.refresh();
    this.#refresher = createTask(refreshPattern, async () => {
      await this.refresh();
      await this.catchUp();
    }, { name: 'wirebrief:refresh', noOverlap: true });
    this.#refresher.start();
  }

  /** Brings the cron tasks in line with the stored subscriptions. */
  async refresh(): Promise<void> {
    const active = new Map((await this.#deps.store.listSubscriptions({ state: 'active' })).map((s) => [s.id, s]));
    for (const [id, { cron, task }] of this.#tasks) {
      if (active.get(id)?.cron !== cron) {
        await task.destroy();
        this.#tasks.delete(id);
      }
    }
    for (const subscription of active.values()) {
      if (this.#tasks.has(subscription.id)) continue;
      const task = createTask(
        subscription.cron,
        async () => {
          // Re-read: the subscription may have been disabled or removed since the task was created.
          const current = await this.#deps.store.getSubscription(subscription.id);
          if (current) await this.#runLogged(current, false);
        },
        { timezone: subscription.timeZone, noOverlap: true, name: `wirebrief:${subscription.id}` },
      );
      task.start();
      this.#tasks.set(subscription.id, { cron: subscription.cron, task });
    }
  }

  /** The scheduled subscriptions (for status and tests). */
  scheduled(): SubscriptionId[] {
    return [...this.#tasks.keys()];
  }

  /** Stops scheduling, then waits for deliveries under way to finish (each ends sent, empty, pending or failed). */
  async stop(): Promise<void> {
    await this.#refresher?.destroy();
    this.#refresher = undefined;
    for (const { task } of this.#tasks.values()) await task.destroy();
    this.#tasks.clear();
    await Promise.allSettled([...this.#inFlight]);
  }

  async #runLogged(subscription: Subscription, catchUp: boolean): Promise<RunOutcome> {
    try {
      return await this.runDue(subscription, { catchUp });
    } catch (error) {
      // A store or compose failure must not kill the scheduler; the slot stays unclaimed or pending for the next run.
      this.#deps.log.error({ subscription: subscription.id, error: error instanceof Error ? error.message : String(error) }, 'digest run failed');
      return 'retry-later';
    }
  }
}
