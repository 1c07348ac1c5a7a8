import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  dutchOfficeHours,
  isWorkingDay,
} from './business-hours.ts';

// Times by hand: Amsterdam is UTC+1 in winter, UTC+2 from the last Sunday of March to the last
// Sunday of October (2026: 29 March and 25 October). Office hours 09:00-17:00, Monday to Friday.
const hours = (count: number) => count * 60;
const belgian = { ...dutchOfficeHours, timeZone: 'Europe/Brussels', country: 'BE' };

describe('business hours', () => {
  it('carries a deadline over the weekend: Friday 16:00 plus 24 hours is Wednesday 16:00', () => {
    // Friday 1 h, Monday 8 h, Tuesday 8 h, Wednesday the last 7 h.
    expect(addBusinessMinutes(new Date('2026-11-27T15:00:00Z'), hours(24), dutchOfficeHours)).toEqual(
      new Date('2026-12-02T15:00:00Z'),
    );
  });

  it("skips King's Day", () => {
    // Friday 24 April 12:00 (UTC+2): 5 h that day; Monday 27 April is Koningsdag; Tuesday 3 h.
    expect(addBusinessMinutes(new Date('2026-04-24T10:00:00Z'), hours(8), dutchOfficeHours)).toEqual(
      new Date('2026-04-28T10:00:00Z'),
    );
  });

  it('works on Good Friday, which is no public holiday in the Netherlands, and skips Easter Monday', () => {
    // Thursday 2 April 15:00: 2 h; Good Friday 8 h; Easter Monday off; Tuesday 7 April 6 h, to 15:00.
    expect(addBusinessMinutes(new Date('2026-04-02T13:00:00Z'), hours(16), dutchOfficeHours)).toEqual(
      new Date('2026-04-07T13:00:00Z'),
    );
  });

  it('starts counting at the next opening when asked outside working hours', () => {
    // Saturday 10:00 plus 1 h: Monday 10:00 (UTC+1).
    expect(addBusinessMinutes(new Date('2026-11-28T09:00:00Z'), hours(1), dutchOfficeHours)).toEqual(
      new Date('2026-11-30T09:00:00Z'),
    );
    // Zero time from a Saturday is the moment the office opens.
    expect(addBusinessMinutes(new Date('2026-11-28T09:00:00Z'), 0, dutchOfficeHours)).toEqual(
      new Date('2026-11-30T08:00:00Z'),
    );
  });

  it('keeps office hours local when the clocks go back', () => {
    // Friday 23 October 16:00 summer time (14:00Z) plus 2 h: Monday 26 October 10:00 winter time (09:00Z).
    expect(addBusinessMinutes(new Date('2026-10-23T14:00:00Z'), hours(2), dutchOfficeHours)).toEqual(
      new Date('2026-10-26T09:00:00Z'),
    );
  });

  it('uses the public holidays of the workspace country', () => {
    // 1 May 2026 is a Friday: Labour Day off in Belgium, a working day in the Netherlands.
    expect(addBusinessMinutes(new Date('2026-04-30T14:00:00Z'), hours(2), belgian)).toEqual(
      new Date('2026-05-04T08:00:00Z'),
    );
    expect(addBusinessMinutes(new Date('2026-04-30T14:00:00Z'), hours(2), dutchOfficeHours)).toEqual(
      new Date('2026-05-01T08:00:00Z'),
    );
    expect(isWorkingDay(2026, 4, 1, belgian)).toBe(false);
    expect(isWorkingDay(2026, 4, 1, dutchOfficeHours)).toBe(true);
    expect(isWorkingDay(2026, 11, 25, dutchOfficeHours)).toBe(false);
  });

  it('measures the working time between two moments', () => {
    // Friday 16:00 to Tuesday 10:00: Friday 1 h, Monday 8 h, Tuesday 1 h.
    expect(
      businessMinutesBetween(
        new Date('2026-11-27T15:00:00Z'),
        new Date('2026-12-01T09:00:00Z'),
        dutchOfficeHours,
      ),
    ).toBe(hours(10));
    // Within one evening and weekend: none.
    expect(
      businessMinutesBetween(
        new Date('2026-11-27T17:30:00Z'),
        new Date('2026-11-29T20:00:00Z'),
        dutchOfficeHours,
      ),
    ).toBe(0);
    // Backwards: none.
    expect(
      businessMinutesBetween(
        new Date('2026-12-01T09:00:00Z'),
        new Date('2026-11-27T15:00:00Z'),
        dutchOfficeHours,
      ),
    ).toBe(0);
  });

  it('agrees with itself: the time between a start and its deadline is the time added', () => {
    for (const [start, added] of [
      ['2026-12-23T16:30:00Z', 1_000],
      ['2026-04-26T06:00:00Z', 480],
      ['2026-03-27T12:15:00Z', 2_345],
    ] as const) {
      const from = new Date(start);
      expect(
        businessMinutesBetween(from, addBusinessMinutes(from, added, dutchOfficeHours), dutchOfficeHours),
      ).toBe(added);
    }
  });

  it('refuses working hours that never work', () => {
    expect(() => addBusinessMinutes(new Date(), 60, { ...dutchOfficeHours, weekdays: [] })).toThrow(
      /weekdays/,
    );
    expect(() => addBusinessMinutes(new Date(), 60, { ...dutchOfficeHours, endMinute: 9 * 60 })).toThrow(
      /end after/,
    );
  });
});
