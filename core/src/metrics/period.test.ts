import { describe, expect, it } from 'vitest';
import { addDays, contains, customPeriod, daysBetween, periodOf, periodsBetween } from './period.ts';

describe('periods', () => {
  it('finds the month, quarter and year holding a date', () => {
    expect(periodOf('2026-03-17', 'month')).toEqual({
      start: '2026-03-01',
      end: '2026-03-31',
      label: '2026-03',
    });
    expect(periodOf('2026-03-17', 'quarter')).toEqual({
      start: '2026-01-01',
      end: '2026-03-31',
      label: '2026-Q1',
    });
    expect(periodOf('2026-11-30', 'quarter')).toEqual({
      start: '2026-10-01',
      end: '2026-12-31',
      label: '2026-Q4',
    });
    expect(periodOf('2026-03-17', 'year')).toEqual({ start: '2026-01-01', end: '2026-12-31', label: '2026' });
  });

  it('ends February on the 29th in a leap year', () => {
    expect(periodOf('2028-02-10', 'month').end).toBe('2028-02-29');
    expect(periodOf('2026-02-10', 'month').end).toBe('2026-02-28');
  });

  it('lists every period overlapping a range, in order', () => {
    expect(periodsBetween('2025-11-15', '2026-02-01', 'month').map((period) => period.label)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(periodsBetween('2026-03-31', '2026-04-01', 'quarter').map((period) => period.label)).toEqual([
      '2026-Q1',
      '2026-Q2',
    ]);
    expect(periodsBetween('2026-02-01', '2026-01-01', 'month')).toEqual([]);
  });

  it('makes a custom period with both ends inclusive', () => {
    const period = customPeriod('2026-01-15', '2026-02-14');
    expect(period.label).toBe('2026-01-15..2026-02-14');
    expect(contains(period, '2026-01-15')).toBe(true);
    expect(contains(period, '2026-02-14')).toBe(true);
    expect(contains(period, '2026-02-15')).toBe(false);
    expect(() => customPeriod('2026-02-14', '2026-01-15')).toThrow(RangeError);
  });

  it('counts days between calendar dates across a daylight saving change', () => {
    // Europe moves its clocks on 29 March 2026; calendar days are still 24 hours apart here.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    // 2028 is a leap year: 366 days.
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-01-10', '2026-01-01')).toBe(-9);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('refuses a day that does not exist', () => {
    expect(() => periodOf('2026-02-30', 'month')).toThrow(RangeError);
    expect(() => daysBetween('2026-1-1', '2026-01-02')).toThrow(RangeError);
  });
});
