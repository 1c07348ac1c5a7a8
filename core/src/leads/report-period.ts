// A report's period as dates in the workspace's time zone, turned into the instants a query compares.
import { TZDate } from '@date-fns/tz';

export interface ReportPeriod {
  /** First day, as given or defaulted (YYYY-MM-DD). */
  fromDate: string;
  /** Last day, inclusive. */
  toDate: string;
  /** Midnight at the start of the first day. */
  from: Date;
  /** Midnight at the end of the last day (exclusive). */
  to: Date;
}

const pad = (value: number) => String(value).padStart(2, '0');
const dateOf = (date: TZDate) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

function midnight(date: string, timeZone: string, addDays = 0): TZDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(year, month - 1, day + addDays, timeZone);
}

/** The period asked for; without dates, this month and the five before it, up to today. */
export function reportPeriod(
  asked: { from?: string; to?: string },
  timeZone: string,
  now: Date,
): ReportPeriod {
  const today = new TZDate(now.getTime(), timeZone);
  const toDate = asked.to ?? dateOf(today);
  const fromDate = asked.from ?? dateOf(new TZDate(today.getFullYear(), today.getMonth() - 5, 1, timeZone));
  return {
    fromDate,
    toDate,
    from: new Date(midnight(fromDate, timeZone).getTime()),
    to: new Date(midnight(toDate, timeZone, 1).getTime()),
  };
}
