const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether `value` is a day that exists, written YYYY-MM-DD. Date.parse is not enough: it rolls
 * 2026-02-30 over to 2 March, which PostgreSQL then refuses when it reads the value as a date.
 */
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value) || value.startsWith('0000')) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}
