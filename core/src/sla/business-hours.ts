// Business-hours arithmetic for service levels ("first touch within 24 business hours"): working
// days and hours in the workspace's time zone, without the country's public holidays.
import { TZDate } from '@date-fns/tz';
import Holidays from 'date-holidays';
import type { WorkingHours } from './working-hours.ts';

export { dutchOfficeHours, type WorkingHours } from './working-hours.ts';

// A service level never runs for years; this bounds the walk over days when no day ever works.
const MAX_DAYS = 3 * 366;
const MINUTE_MS = 60_000;

const holidayCache = new Map<string, Set<string>>();

/** The country's public holidays of one year as YYYY-MM-DD (what date-holidays types "public"). */
function publicHolidays(country: string, year: number): Set<string> {
  const key = `${country}:${year}`;
  let days = holidayCache.get(key);
  if (!days) {
    const holidays = new Holidays(country).getHolidays(year) || [];
    days = new Set(
      holidays.filter((holiday) => holiday.type === 'public').map((holiday) => holiday.date.slice(0, 10)),
    );
    holidayCache.set(key, days);
  }
  return days;
}

const isoDay = (year: number, month: number, day: number) =>
  `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Whether a calendar day (month 0-11, as Date counts) is a working day. */
export function isWorkingDay(year: number, month: number, day: number, hours: WorkingHours): boolean {
  const weekday = new Date(Date.UTC(year, month, day)).getUTCDay() || 7;
  return (
    hours.weekdays.includes(weekday) && !publicHolidays(hours.country, year).has(isoDay(year, month, day))
  );
}

interface Window {
  start: number;
  end: number;
}

/** The working windows (as instants) of each local day from the day `from` falls on. */
function* windowsFrom(from: Date, hours: WorkingHours): Generator<Window> {
  if (hours.endMinute <= hours.startMinute) throw new RangeError('The working day must end after it starts.');
  const local = new TZDate(from.getTime(), hours.timeZone);
  const [year, month, date] = [local.getFullYear(), local.getMonth(), local.getDate()];
  for (let offset = 0; offset < MAX_DAYS; offset++) {
    // TZDate normalises day 32 into the next month, and resolves local times across clock changes.
    const day = new TZDate(year, month, date + offset, 0, 0, hours.timeZone);
    if (!isWorkingDay(day.getFullYear(), day.getMonth(), day.getDate(), hours)) continue;
    const at = (minute: number) =>
      new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), 0, minute, hours.timeZone).getTime();
    yield { start: at(hours.startMinute), end: at(hours.endMinute) };
  }
  throw new RangeError(`No working time within ${MAX_DAYS} days: check the working weekdays.`);
}

/** The moment `minutes` of working time after `from` (a start outside working hours waits for the next). */
export function addBusinessMinutes(from: Date, minutes: number, hours: WorkingHours): Date {
  let left = minutes * MINUTE_MS;
  for (const window of windowsFrom(from, hours)) {
    const start = Math.max(window.start, from.getTime());
    if (start >= window.end) continue;
    if (start + left <= window.end) return new Date(start + left);
    left -= window.end - start;
  }
  throw new RangeError('unreachable');
}

/** Working minutes between two moments; zero when `to` is not after `from`. */
export function businessMinutesBetween(from: Date, to: Date, hours: WorkingHours): number {
  let total = 0;
  for (const window of windowsFrom(from, hours)) {
    if (window.start >= to.getTime()) break;
    const start = Math.max(window.start, from.getTime());
    const end = Math.min(window.end, to.getTime());
    if (end > start) total += end - start;
  }
  return Math.round(total / MINUTE_MS);
}
