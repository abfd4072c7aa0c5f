import { describe, expect, it } from 'vitest';
import { parseCron } from '../../../src/core/cron/cron-expression.js';
import { describeSchedule } from '../../../src/core/cron/describe-schedule.js';
import { nextSlot } from '../../../src/core/cron/cron-slots.js';
import type { TimeZone } from '../../../src/core/subscription.js';

function errorOf(expr: string): string {
  const parsed = parseCron(expr);
  if (parsed.ok) throw new Error(`expected ${expr} to be refused`);
  return parsed.error;
}

describe('parseCron', () => {
  it('parses lists, ranges, steps and names, with 7 as Sunday', () => {
    const parsed = parseCron('*/15 8-10 * jan,jul sun,7');
    expect(parsed.ok && [parsed.spec.minutes, parsed.spec.hours, [...parsed.spec.months], [...parsed.spec.weekdays]]).toEqual([
      [0, 15, 30, 45],
      [8, 9, 10],
      [1, 7],
      [0],
    ]);
  });

  it('explains what is wrong in words', () => {
    expect(errorOf('0 8 * *')).toMatch(/has 4 fields; a schedule has 5 fields: minute hour day-of-month month day-of-week/);
    expect(errorOf('0 0 8 * * *')).toMatch(/6 fields \(seconds are not supported\)/);
    expect(errorOf('75 8 * * *')).toBe('`75 8 * * *`: minute 75 is out of range 0–59');
    expect(errorOf('0 8 * * funday')).toMatch(/day of week "funday" is not a number \(numbers 0–7 or names such as sun, mon, tue\)/);
    expect(errorOf('0 17-9 * * *')).toMatch(/hour range "17-9" runs backwards/);
    expect(errorOf('0 8 * * 1/0')).toMatch(/step "0" must be a whole number of at least 1/);
    expect(errorOf('   ')).toMatch(/the schedule is empty/);
  });
});

describe('describeSchedule', () => {
  const berlin = 'Europe/Berlin' as TimeZone;
  const read = (expr: string, now: string) => {
    const parsed = parseCron(expr);
    if (!parsed.ok) throw new Error(parsed.error);
    return describeSchedule(parsed.spec, berlin, nextSlot(parsed.spec, berlin, new Date(now)));
  };

  it('reads a weekday schedule back with the next run in the zone', () => {
    // Fri 26 Dec 2025, 09:00 in Berlin: the next weekday 08:00 is Monday.
    expect(read('0 8 * * 1-5', '2025-12-26T08:00Z')).toBe('`0 8 * * 1-5` means weekdays at 08:00 Europe/Berlin; next run Mon 29 Dec 08:00');
  });

  it('names days, times and unusual schedules', () => {
    expect(read('30 7 * * *', '2025-12-26T08:00Z')).toMatch(/^`30 7 \* \* \*` means every day at 07:30 Europe\/Berlin; next run Sat 27 Dec 07:30$/);
    expect(read('0 8,17 * * 1,3,5', '2025-12-26T08:00Z')).toMatch(/means Mondays, Wednesdays and Fridays at 08:00 and 17:00 /);
    expect(read('0 9 1 * *', '2025-12-26T08:00Z')).toMatch(/means on day 1 of each month at 09:00 .*next run Thu 1 Jan 09:00/);
    expect(read('*/5 * * * *', '2025-12-26T08:00Z')).toMatch(/means at the times this cron expression gives/);
    expect(read('0 8 31 2 *', '2025-12-26T08:00Z')).toMatch(/it never runs/);
  });
});
