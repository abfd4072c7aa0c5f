import type { TimeZone } from '../subscription.js';

/** Wall-clock reading of an instant in a time zone (month 1–12, weekday 0 = Sunday). */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const weekdayIndex: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(text: string): text is TimeZone {
  try {
    formatterFor(text);
    return true;
  } catch {
    return false;
  }
}

export function wallTime(instant: Date, timeZone: TimeZone): WallTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: weekdayIndex[parts.weekday ?? ''] ?? 0,
  };
}

/** The instant's UTC offset in the zone, in ms (minute precision; seconds in historic offsets are dropped). */
function offsetAt(instantMs: number, timeZone: TimeZone): number {
  const w = wallTime(new Date(instantMs), timeZone);
  const flooredToMinute = instantMs - (((instantMs % 60_000) + 60_000) % 60_000);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - flooredToMinute;
}

/**
 * Every instant whose wall-clock reading is the given minute, earliest first: none in a spring-forward gap,
 * two in a fall-back overlap, one otherwise. Assumes at most one offset change within ±14 hours, true of
 * every zone in the IANA database.
 */
export function instantsAt(year: number, month: number, day: number, hour: number, minute: number, timeZone: TimeZone): Date[] {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const offsets = new Set([offsetAt(asUtc - 14 * 3_600_000, timeZone), offsetAt(asUtc + 14 * 3_600_000, timeZone)]);
  const found: number[] = [];
  for (const offset of offsets) {
    const candidate = asUtc - offset;
    const w = wallTime(new Date(candidate), timeZone);
    if (w.year === year && w.month === month && w.day === day && w.hour === hour && w.minute === minute) found.push(candidate);
  }
  return [...new Set(found)].sort((a, b) => a - b).map((ms) => new Date(ms));
}
