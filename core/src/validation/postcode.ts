import { type Checked, quoted, valid } from './checked.ts';

/**
 * A postcode as the country writes it. The Netherlands: four digits (not starting with 0), a space and
 * two capital letters, never SA, SD or SS (`1234ab` → `1234 AB`). Belgium: four digits from 1000 to
 * 9999. Other countries, and addresses without a country: the text as typed, trimmed, since Baken
 * has no rules for them. Empty input is no postcode (null).
 */
export function normalizePostcode(raw: string, country: string | null | undefined): Checked<string | null> {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (value === '') return valid(null);
  if (country === 'NL') {
    const match = /^([1-9]\d{3})\s?([A-Za-z]{2})$/.exec(value.replace(/^NL[\s-]?/i, ''));
    const letters = match?.[2]?.toUpperCase();
    if (!match || letters === 'SA' || letters === 'SD' || letters === 'SS')
      return { ok: false, message: `Use a Dutch postcode such as 1234 AB; ${quoted(raw)} is not one.` };
    return valid(`${match[1]} ${letters}`);
  }
  if (country === 'BE') {
    const digits = value.replace(/^B(?:E)?[\s-]?/i, '');
    if (!/^[1-9]\d{3}$/.test(digits))
      return {
        ok: false,
        message: `Use a Belgian postcode of four digits such as 1000; ${quoted(raw)} is not one.`,
      };
    return valid(digits);
  }
  return valid(value);
}
