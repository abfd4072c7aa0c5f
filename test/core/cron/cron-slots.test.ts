import { describe, expect, it } from 'vitest';
import { parseCron, type CronSpec } from '../../../src/core/cron/cron-expression.js';
import { latestSlot, nextSlot, slotsBetween } from '../../../src/core/cron/cron-slots.js';
import type { TimeZone } from '../../../src/core/subscription.js';

function spec(expr: string): CronSpec {
  const parsed = parseCron(expr);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.spec;
}
const berlin = 'Europe/Berlin' as TimeZone;
const newYork = 'America/New_York' as TimeZone;
const iso = (dates: readonly Date[]) => dates.map((d) => d.toISOString());

describe('slots across daylight-saving changes', () => {
  it('Europe/Berlin spring forward: 02:30 does not exist on 30 Mar 2025, so that day has no 02:30 slot', () => {
    const slots = slotsBetween(spec('30 2 * * *'), berlin, new Date('2025-03-28T00:00Z'), new Date('2025-04-01T00:00Z'));
    expect(iso(slots)).toEqual(['2025-03-28T01:30:00.000Z', '2025-03-29T01:30:00.000Z', '2025-03-31T00:30:00.000Z']);
  });

  it('Europe/Berlin fall back: 02:30 happens twice on 26 Oct 2025 and runs once, at the first (CEST) occurrence', () => {
    const slots = slotsBetween(spec('30 2 * * *'), berlin, new Date('2025-10-25T00:00Z'), new Date('2025-10-28T00:00Z'));
    expect(iso(slots)).toEqual(['2025-10-25T00:30:00.000Z', '2025-10-26T00:30:00.000Z', '2025-10-27T01:30:00.000Z']);
  });

  it('America/New_York fall back: 01:30 on 2 Nov 2025 runs once', () => {
    const slots = slotsBetween(spec('30 1 * * *'), newYork, new Date('2025-11-01T00:00Z'), new Date('2025-11-04T00:00Z'));
    expect(iso(slots)).toEqual(['2025-11-01T05:30:00.000Z', '2025-11-02T05:30:00.000Z', '2025-11-03T06:30:00.000Z']);
  });

  it('America/New_York spring forward: 02:30 on 9 Mar 2025 does not exist', () => {
    const slots = slotsBetween(spec('30 2 * * *'), newYork, new Date('2025-03-08T00:00Z'), new Date('2025-03-11T00:00Z'));
    expect(iso(slots)).toEqual(['2025-03-08T07:30:00.000Z', '2025-03-10T06:30:00.000Z']);
  });

  it('a weekday 08:00 schedule keeps 08:00 local through the change and skips the weekend', () => {
    const slots = slotsBetween(spec('0 8 * * 1-5'), berlin, new Date('2025-03-27T00:00Z'), new Date('2025-04-01T00:00Z'));
    // Thu, Fri in CET (UTC+1); Mon, Tue in CEST (UTC+2).
    expect(iso(slots)).toEqual(['2025-03-27T07:00:00.000Z', '2025-03-28T07:00:00.000Z', '2025-03-31T06:00:00.000Z']);
    const ny = slotsBetween(spec('0 8 * * mon-fri'), newYork, new Date('2025-10-31T00:00Z'), new Date('2025-11-04T00:00Z'));
    expect(iso(ny)).toEqual(['2025-10-31T12:00:00.000Z', '2025-11-03T13:00:00.000Z']);
  });

  it('latestSlot inside the repeated hour finds the first occurrence, never a second one', () => {
    // 06:40Z on 2 Nov 2025 is 01:40 EST, the second pass through 01:xx in New York.
    expect(latestSlot(spec('30 1 * * *'), newYork, new Date('2025-11-02T06:40Z'))?.toISOString()).toBe('2025-11-02T05:30:00.000Z');
  });

  it('nextSlot is strictly after and latestSlot is at or before the given instant', () => {
    const daily = spec('0 8 * * *');
    const at = new Date('2025-12-26T07:00Z'); // 08:00 in Berlin
    expect(nextSlot(daily, berlin, at)?.toISOString()).toBe('2025-12-27T07:00:00.000Z');
    expect(latestSlot(daily, berlin, at)?.toISOString()).toBe('2025-12-26T07:00:00.000Z');
    expect(latestSlot(daily, berlin, new Date(at.getTime() - 1))?.toISOString()).toBe('2025-12-25T07:00:00.000Z');
  });

  it('uses the crontab rule that restricted day-of-month and day-of-week match either', () => {
    // The 1st of the month OR any Monday.
    const slots = slotsBetween(spec('0 9 1 * 1'), berlin, new Date('2025-11-28T00:00Z'), new Date('2025-12-10T00:00Z'));
    expect(iso(slots)).toEqual(['2025-12-01T08:00:00.000Z', '2025-12-08T08:00:00.000Z']);
  });

  it('a schedule that can never fire has no next slot', () => {
    expect(nextSlot(spec('0 8 31 2 *'), berlin, new Date('2025-01-01T00:00Z'))).toBeUndefined();
  });
});
