// A workspace's working hours, as plain data (the arithmetic, with holidays, is in business-hours.ts).

export interface WorkingHours {
  /** IANA time zone the hours are in, e.g. Europe/Amsterdam. */
  timeZone: string;
  /** Whose public holidays are days off (ISO country code: NL, BE, …). */
  country: string;
  /** Working weekdays, ISO numbered: 1 is Monday, 7 is Sunday. */
  weekdays: number[];
  /** Start and end of the working day, in minutes after midnight (09:00 is 540). */
  startMinute: number;
  endMinute: number;
}

export const dutchOfficeHours: WorkingHours = {
  timeZone: 'Europe/Amsterdam',
  country: 'NL',
  weekdays: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 17 * 60,
};
