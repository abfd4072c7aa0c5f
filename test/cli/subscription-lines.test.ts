import { describe, expect, it } from 'vitest';
import { statusLines } from '../../src/cli/subscription-lines.js';
import { parseSubscription, type Subscription, type SubscriptionId } from '../../src/core/subscription.js';

describe('status lines', () => {
  const now = new Date('2025-12-26T06:00:00Z');
  const parsed = parseSubscription(
    { platform: 'slack', workspace: 'T1', channel: 'C1', cron: '0 8 * * 1-5', timeZone: 'Europe/Berlin' },
    { id: 'sabc123' as SubscriptionId, now, defaultTimeZone: 'UTC' },
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const active: Subscription = parsed.subscription;

  it('shows an active subscription with its next run', () => {
    expect(statusLines(active, undefined, now)).toEqual([
      'sabc123  slack T1/C1  `0 8 * * 1-5` Europe/Berlin',
      '  status: active',
      '  last delivery: none yet',
      expect.stringMatching(/^ {2}next run: Fri 26 Dec 08:00$/),
    ]);
  });

  it('says a disabled subscription is DISABLED, since when and why, and that it will not run', () => {
    const disabled: Subscription = { ...active, status: { state: 'disabled', reason: 'the bot is not in the channel: /invite @Wirebrief', since: '2025-12-26T05:59:00.000Z' } };
    const lines = statusLines(disabled, undefined, now);
    expect(lines[1]).toBe('  status: DISABLED since 2025-12-26T05:59:00.000Z: the bot is not in the channel: /invite @Wirebrief');
    expect(lines[3]).toBe('  next run: none');
  });
});
