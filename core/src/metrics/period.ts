// Reporting periods over calendar dates written YYYY-MM-DD. A date here is a day in the workspace's
// calendar, not an instant: no time zone is involved, so the arithmetic runs on UTC midnights where
// every day is exactly 24 hours long (no daylight saving jumps).
import { isCalendarDate } from '../shared/calendar-date.ts';

export type PeriodUnit = 'month' | 'quarter' | 'year';

export interface Period {
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD, inclusive. */
  end: string;
  /** `2026-03`, `2026-Q1`, `2026`, or `2026-01-15..2026-02-14` for a custom period. */
  label: string;
}

const DAY_MS = 86_400_000;

function utcMs(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

const fromUtcMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Whole days from `from` to `to`: 1 from one day to the next, negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(utcMs(date) + days * DAY_MS);
}

const pad2 = (value: number) => String(value).padStart(2, '0');

/** The month, quarter or year holding `date`. */
export function periodOf(date: string, unit: PeriodUnit): Period {
  utcMs(date);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const firstMonth = unit === 'year' ? 1 : unit === 'quarter' ? month - ((month - 1) % 3) : month;
  const months = unit === 'year' ? 12 : unit === 'quarter' ? 3 : 1;
  const start = `${year}-${pad2(firstMonth)}-01`;
  // Day 0 of the month after the period is the period's last day.
  const end = fromUtcMs(Date.UTC(year, firstMonth - 1 + months, 0));
  const label =
    unit === 'year'
      ? String(year)
      : unit === 'quarter'
        ? `${year}-Q${(firstMonth + 2) / 3}`
        : `${year}-${pad2(month)}`;
  return { start, end, label };
}

/** Every period of `unit` that overlaps `from`..`to` (both inclusive), in order; empty when `to` < `from`. */
export function periodsBetween(from: string, to: string, unit: PeriodUnit): Period[] {
  const periods: Period[] = [];
  if (daysBetween(from, to) < 0) return periods;
  for (let period = periodOf(from, unit); period.start <= to; period = periodOf(addDays(period.end, 1), unit))
    periods.push(period);
  return periods;
}

/** A period of any length, `from` and `to` both inclusive. */
export function customPeriod(from: string, to: string): Period {
  if (daysBetween(from, to) < 0)
    throw new RangeError(`A period cannot end (${to}) before it starts (${from})`);
  return { start: from, end: to, label: `${from}..${to}` };
}

/** Whether `date` falls in the period. YYYY-MM-DD strings sort like the days they name. */
export function contains(period: Period, date: string): boolean {
  return period.start <= date && date <= period.end;
}
