import { describe, expect, it } from 'vitest';
import { parseTimestamptz } from './database.ts';

const general = parseTimestamptz.general!;
const timeOf = (value: unknown) => (value instanceof Date ? value.getTime() : value);

describe('reading timestamptz', () => {
  it('reads every UTC time with 0 to 6 fraction digits exactly as the general parser does', () => {
    for (let index = 0; index < 5000; index++) {
      const at = new Date(Date.UTC(1000, 0, 1) + Math.floor(Math.random() * 32e12));
      const digits = index % 7;
      const fraction =
        digits === 0 ? '' : `.${String(Math.floor(Math.random() * 10 ** digits)).padStart(digits, '0')}`;
      const text = `${at.toISOString().slice(0, 19).replace('T', ' ')}${fraction}+00`;
      expect(timeOf(parseTimestamptz(text)), text).toBe(timeOf(general(text)));
    }
  });

  it('leaves other forms to the general parser', () => {
    for (const text of [
      '2026-11-26 17:23:47.5+01',
      '2026-11-26 17:23:47+05:30',
      '0050-03-01 00:00:00+00',
      '2026-11-26 17:23:47 BC',
      '0044-03-15 12:00:00+00 BC',
      'infinity',
      '-infinity',
      '12026-11-26 17:23:47+00',
    ]) {
      expect(timeOf(parseTimestamptz(text)), text).toEqual(timeOf(general(text)));
    }
  });
});
