import { describe, expect, it } from 'vitest';
import { reportPeriod } from './report-period.ts';

describe('reportPeriod', () => {
  it('reads the dates as days in the time zone, the last one inclusive', () => {
    const period = reportPeriod({ from: '2026-03-01', to: '2026-03-31' }, 'Europe/Amsterdam', new Date());
    // Amsterdam is UTC+1 on 1 March and UTC+2 from 29 March (summer time).
    expect(period.from.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(period.to.toISOString()).toBe('2026-03-31T22:00:00.000Z');
  });

  it('defaults to this month and the five before it, up to today', () => {
    // 2026-01-10 23:30 UTC is already the 11th in Amsterdam.
    const period = reportPeriod({}, 'Europe/Amsterdam', new Date('2026-01-10T23:30:00.000Z'));
    expect(period).toMatchObject({ fromDate: '2025-08-01', toDate: '2026-01-11' });
    expect(period.to.toISOString()).toBe('2026-01-11T23:00:00.000Z');
  });
});
