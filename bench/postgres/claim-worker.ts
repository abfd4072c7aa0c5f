import { deliveryKeyFor, type SubscriptionId } from '../../src/core/subscription.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

/**
 * One competing process of the claim benchmark: walks every (subscription, slot) in the same order as its
 * rivals, claims each and completes what it won. Prints its tally as JSON on stdout.
 * argv: <postgres URL | SQLite path> <owner> <subscriptions> <slots per subscription>
 */
const [target = '', owner = '', subscriptions = '0', slots = '0'] = process.argv.slice(2);
const store = target.startsWith('postgres') ? await openPostgresStore(target, { poolSize: 2 }) : openSqliteStore(target);
const channel = { platform: 'local', workspace: 'local', channel: 'bench' } as const;
const tally = { claimed: 0, done: 0, busy: 0, ms: 0 };
const t0 = performance.now();
for (let slot = 0; slot < Number(slots); slot++) {
  const at = new Date(Date.UTC(2026, 0, 1) + slot * 60_000);
  for (let s = 0; s < Number(subscriptions); s++) {
    const subscriptionId = `s${s}` as SubscriptionId;
    const claim = await store.claimDelivery({ subscriptionId, slot: at, key: deliveryKeyFor(subscriptionId, at), channel, owner, leaseMs: 60_000, now: new Date() });
    tally[claim.outcome]++;
    if (claim.outcome === 'claimed') await store.completeDelivery(subscriptionId, at, owner, { state: 'empty' }, new Date());
  }
}
tally.ms = performance.now() - t0;
await store.close();
process.stdout.write(`${JSON.stringify(tally)}\n`);
