import type { Random } from './random.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** How far back the demo history reaches: 18 months. */
export const HISTORY_DAYS = 548;

export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);
export const earliest = (...dates: Date[]) => new Date(Math.min(...dates.map((date) => date.getTime())));

/** A random moment in [from, to]. */
export function between(random: Random, from: Date, to: Date): Date {
  return new Date(from.getTime() + random.next() * Math.max(0, to.getTime() - from.getTime()));
}

/**
 * `date` moved to office hours on a weekday (07:00-16:00 UTC is 08:00-17:00 in Amsterdam and
 * Brussels in winter, an hour later in summer), when that stays within [from, to]; otherwise as is.
 * Sales work happens on working days, and a demo full of Sunday-night calls looks wrong.
 */
export function officeHours(random: Random, date: Date, from: Date, to: Date): Date {
  const moved = new Date(date);
  const weekday = moved.getUTCDay();
  if (weekday === 6) moved.setUTCDate(moved.getUTCDate() - 1);
  if (weekday === 0) moved.setUTCDate(moved.getUTCDate() + 1);
  moved.setUTCHours(random.int(7, 15), random.pick([0, 15, 30, 45]), 0, 0);
  return moved >= from && moved <= to ? moved : date;
}

/** A moment in office hours between `from` and `to`. */
export function officeMoment(random: Random, from: Date, to: Date): Date {
  return officeHours(random, between(random, from, to), from, to);
}
