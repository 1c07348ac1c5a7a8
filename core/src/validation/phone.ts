import type { CountryCode } from 'libphonenumber-js/max';
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { type Checked, quoted, valid } from './checked.ts';

// The `max` metadata knows which number ranges each country has given out (and whether a number is
// a mobile or a landline), not only their lengths as `min` does: `+31 20 123 456` (too short) and
// `+32 2 123 45 67` (Brussels numbers never start 02 1) are refused instead of stored. Its size
// (about 150 kB) only counts on the server: the web app formats numbers with `min` and never
// imports this module.

/**
 * A phone number in E.164 form (`+31201234567`), or with an extension `+31201234567;ext=12` (the
 * RFC 3966 way of writing one). National numbers are read as numbers of `defaultCountry`: the
 * record's own country, else the workspace's. `06-12345678`, `+31 (0)20 123 4567`,
 * `0032 2 555 12 34`, `020 123 4567 x12` are all understood. Empty input is no number (null).
 */
export function normalizePhone(
  raw: string,
  defaultCountry: string | null | undefined,
): Checked<string | null> {
  const value = raw.trim();
  if (value === '') return valid(null);
  const country =
    defaultCountry && isSupportedCountry(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  // "+31 (0)20 …" writes the trunk 0 that callers from abroad leave out: drop it before parsing.
  const cleaned = value.replace(/^(\+|00)(\d{1,3})\s*\(0\)/, '$1$2');
  let parsed: ReturnType<typeof parsePhoneNumberFromString>;
  try {
    parsed = parsePhoneNumberFromString(cleaned, country);
  } catch {
    parsed = undefined;
  }
  if (!parsed?.isValid()) {
    if (!country || /^(\+|00)/.test(cleaned))
      return { ok: false, message: `Not a valid phone number: ${quoted(raw)}.` };
    return {
      ok: false,
      message: `Not a valid phone number for ${country}: ${quoted(raw)}. Numbers of other countries start with + and the country code.`,
    };
  }
  return valid(parsed.ext ? `${parsed.number};ext=${parsed.ext}` : parsed.number);
}
