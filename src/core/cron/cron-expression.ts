import type { CronExpression } from '../subscription.js';

/**
 * Five-field cron expressions (minute hour day-of-month month day-of-week), the dialect node-cron and
 * crontab(5) share: `*`, lists, ranges, steps, month and weekday names, 7 for Sunday. Parsed into sets so
 * that slot computation can walk calendar days instead of minutes.
 */
export interface CronSpec {
  readonly expression: CronExpression;
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly daysOfMonth: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekdays: ReadonlySet<number>;
  /** crontab(5): when both day fields are restricted, a day matches if EITHER matches. */
  readonly domRestricted: boolean;
  readonly dowRestricted: boolean;
}

export type CronParseResult = { readonly ok: true; readonly spec: CronSpec } | { readonly ok: false; readonly error: string };

interface FieldRule {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  readonly namesFrom?: number;
}

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const rules: readonly FieldRule[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: monthNames, namesFrom: 1 },
  { name: 'day of week', min: 0, max: 7, names: dayNames, namesFrom: 0 },
];
const shape = 'a schedule has 5 fields: minute hour day-of-month month day-of-week, e.g. `0 8 * * 1-5` for weekdays at 08:00';

class FieldError extends Error {}

function parseValue(raw: string, rule: FieldRule): number {
  const byName = rule.names?.indexOf(raw.toLowerCase()) ?? -1;
  if (byName >= 0) return byName + (rule.namesFrom ?? 0);
  if (!/^\d+$/.test(raw)) {
    const hint = rule.names ? ` (numbers ${rule.min}–${rule.max} or names such as ${rule.names.slice(0, 3).join(', ')})` : ` (numbers ${rule.min}–${rule.max})`;
    throw new FieldError(`${rule.name} "${raw}" is not a number${hint}`);
  }
  const n = Number(raw);
  if (n < rule.min || n > rule.max) throw new FieldError(`${rule.name} ${n} is out of range ${rule.min}–${rule.max}`);
  return n;
}

function parseField(text: string, rule: FieldRule): { values: Set<number>; restricted: boolean } {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    if (part === '') throw new FieldError(`${rule.name} "${text}" has an empty list item`);
    const [range = '', stepText, extra] = part.split('/');
    if (extra !== undefined) throw new FieldError(`${rule.name} "${part}" has more than one "/"`);
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1 || !/^\d+$/.test(stepText ?? '1')) {
      throw new FieldError(`${rule.name} step "${stepText}" must be a whole number of at least 1`);
    }
    let from: number;
    let to: number;
    if (range === '*') {
      [from, to] = [rule.min, rule.max];
    } else {
      const ends = range.split('-');
      if (ends.length > 2) throw new FieldError(`${rule.name} range "${range}" has more than one "-"`);
      from = parseValue(ends[0] ?? '', rule);
      to = ends[1] === undefined ? (stepText === undefined ? from : rule.max) : parseValue(ends[1], rule);
      if (to < from) throw new FieldError(`${rule.name} range "${range}" runs backwards (write the smaller value first)`);
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  // crontab(5): a day field that starts with "*" counts as unrestricted for the day-of-month/day-of-week rule.
  return { values, restricted: !text.startsWith('*') };
}

export function parseCron(text: string): CronParseResult {
  const fields = text.trim().split(/\s+/).filter(Boolean);
  if (fields.length === 0) return { ok: false, error: `the schedule is empty; ${shape}` };
  if (fields.length === 6) return { ok: false, error: `\`${text.trim()}\` has 6 fields (seconds are not supported); ${shape}` };
  if (fields.length !== 5) return { ok: false, error: `\`${text.trim()}\` has ${fields.length} field${fields.length === 1 ? '' : 's'}; ${shape}` };
  try {
    const [minute, hour, dom, month, dow] = fields.map((f, i) => parseField(f, rules[i]!)) as [ReturnType<typeof parseField>, ...ReturnType<typeof parseField>[]];
    const weekdays = new Set([...dow!.values].map((d) => d % 7));
    return {
      ok: true,
      spec: {
        expression: fields.join(' ') as CronExpression,
        minutes: [...minute.values].sort((a, b) => a - b),
        hours: [...hour!.values].sort((a, b) => a - b),
        daysOfMonth: dom!.values,
        months: month!.values,
        weekdays,
        domRestricted: dom!.restricted,
        dowRestricted: dow!.restricted,
      },
    };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, error: `\`${fields.join(' ')}\`: ${error.message}` };
    throw error;
  }
}

/** Does the calendar day (proleptic Gregorian, weekday 0 = Sunday) match the spec's day fields? */
export function matchesDay(spec: CronSpec, month: number, day: number, weekday: number): boolean {
  if (!spec.months.has(month)) return false;
  const domOk = spec.daysOfMonth.has(day);
  const dowOk = spec.weekdays.has(weekday);
  if (spec.domRestricted && spec.dowRestricted) return domOk || dowOk;
  return domOk && dowOk;
}
