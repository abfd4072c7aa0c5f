import type { TimeZone } from '../subscription.js';
import { type CronSpec, matchesDay } from './cron-expression.js';
import { instantsAt, wallTime } from './zoned-time.js';

/**
 * The instants a schedule fires, in a time zone, across daylight-saving changes — with the same rules as
 * node-cron, which runs the live schedule: a wall-clock time that does not exist that day (spring forward,
 * 02:30 in Europe/Berlin on the last Sunday of March) has no slot; a time that happens twice (fall back)
 * has one slot, at its first occurrence.
 */
// Nine years: enough for the rarest schedule that can fire at all (29 February; a leap day is skipped in 2100).
const maxDays = 366 * 9;

function dayAt(year: number, month: number, day: number, deltaDays: number): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(Date.UTC(year, month - 1, day + deltaDays));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

function slotOn(timeZone: TimeZone, y: number, m: number, d: number, hour: number, minute: number): Date | undefined {
  return instantsAt(y, m, d, hour, minute, timeZone)[0];
}

/** The first slot strictly after `after`, or undefined when the schedule never fires (e.g. 31 February). */
export function nextSlot(spec: CronSpec, timeZone: TimeZone, after: Date): Date | undefined {
  const start = wallTime(after, timeZone);
  for (let i = 0; i < maxDays; i++) {
    const { year, month, day, weekday } = dayAt(start.year, start.month, start.day, i);
    if (!matchesDay(spec, month, day, weekday)) continue;
    for (const hour of spec.hours) {
      // Earlier wall times on the first day are earlier slots (a repeated hour's slot is its first occurrence).
      if (i === 0 && hour < start.hour) continue;
      for (const minute of spec.minutes) {
        if (i === 0 && hour === start.hour && minute < start.minute) continue;
        const slot = slotOn(timeZone, year, month, day, hour, minute);
        if (slot && slot.getTime() > after.getTime()) return slot;
      }
    }
  }
  return undefined;
}

/** The latest slot at or before `atOrBefore`, or undefined when there is none within nine years. */
export function latestSlot(spec: CronSpec, timeZone: TimeZone, atOrBefore: Date): Date | undefined {
  const start = wallTime(atOrBefore, timeZone);
  const hoursDesc = [...spec.hours].reverse();
  const minutesDesc = [...spec.minutes].reverse();
  for (let i = 0; i < maxDays; i++) {
    const { year, month, day, weekday } = dayAt(start.year, start.month, start.day, -i);
    if (!matchesDay(spec, month, day, weekday)) continue;
    for (const hour of hoursDesc) {
      // Later wall times on the first day can only be earlier instants within a fall-back overlap (≤ 1 hour).
      if (i === 0 && hour > start.hour + 1) continue;
      for (const minute of minutesDesc) {
        const slot = slotOn(timeZone, year, month, day, hour, minute);
        if (slot && slot.getTime() <= atOrBefore.getTime()) return slot;
      }
    }
  }
  return undefined;
}

/** Slots in (from, to], in order; at most `limit` of them. */
export function slotsBetween(spec: CronSpec, timeZone: TimeZone, from: Date, to: Date, limit = 10_000): Date[] {
  const slots: Date[] = [];
  for (let slot = nextSlot(spec, timeZone, from); slot && slot <= to && slots.length < limit; slot = nextSlot(spec, timeZone, slot)) {
    slots.push(slot);
  }
  return slots;
}
