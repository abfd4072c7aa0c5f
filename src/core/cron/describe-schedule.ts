import type { TimeZone } from '../subscription.js';
import type { CronSpec } from './cron-expression.js';
import { wallTime } from './zoned-time.js';

/**
 * Reads a schedule back in words, so a person can check what they typed:
 * "`0 8 * * 1-5` means weekdays at 08:00 Europe/Berlin; next run Mon 29 Dec 08:00".
 */
const dayShort = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const dayPlural = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];
const monthShort = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number) => String(n).padStart(2, '0');

function joinWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function sameSet(set: ReadonlySet<number>, values: readonly number[]): boolean {
  return set.size === values.length && values.every((v) => set.has(v));
}

function daysPhrase(spec: CronSpec): string | undefined {
  const allMonths = spec.months.size === 12;
  if (!allMonths) return undefined;
  if (!spec.domRestricted && !spec.dowRestricted) return 'every day';
  if (spec.domRestricted && !spec.dowRestricted) {
    const days = [...spec.daysOfMonth].sort((a, b) => a - b);
    return days.length <= 4 ? `on day ${joinWords(days.map(String))} of each month` : undefined;
  }
  if (spec.dowRestricted && !spec.domRestricted) {
    if (sameSet(spec.weekdays, [1, 2, 3, 4, 5])) return 'weekdays';
    if (sameSet(spec.weekdays, [0, 6])) return 'weekends';
    const days = [...spec.weekdays].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
    return joinWords(days.map((d) => dayPlural[d]!));
  }
  return undefined;
}

function timesPhrase(spec: CronSpec): string | undefined {
  if (spec.hours.length * spec.minutes.length > 6) {
    if (spec.hours.length === 24 && spec.minutes.length === 1) return `every hour at minute ${spec.minutes[0]}`;
    return undefined;
  }
  const times = spec.hours.flatMap((h) => spec.minutes.map((m) => `${pad(h)}:${pad(m)}`));
  return `at ${joinWords(times)}`;
}

/** "Mon 29 Dec 08:00" in the zone. */
export function formatSlot(slot: Date, timeZone: TimeZone): string {
  const w = wallTime(slot, timeZone);
  return `${dayShort[w.weekday]} ${w.day} ${monthShort[w.month - 1]} ${pad(w.hour)}:${pad(w.minute)}`;
}

export function describeSchedule(spec: CronSpec, timeZone: TimeZone, next: Date | undefined): string {
  const days = daysPhrase(spec);
  const times = timesPhrase(spec);
  const when = days && times ? `${days} ${times}` : 'at the times this cron expression gives';
  const nextRun = next ? `next run ${formatSlot(next, timeZone)}` : 'it never runs (no date matches)';
  return `\`${spec.expression}\` means ${when} ${timeZone}; ${nextRun}`;
}
