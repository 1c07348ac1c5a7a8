// Only the record pages and lists that show phone numbers import this, so libphonenumber stays out
// of the entry chunk. The `min` metadata suffices for formatting: the server has checked the number.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A stored number (E.164, perhaps with `;ext=12`) as people read it: in national form when it is a
 * number of the workspace's country (`020 123 4567`), international otherwise (`+32 2 555 12 34`).
 * Text that is not such a number is shown as stored.
 */
export function formatPhone(stored: string | null | undefined, homeCountry: string | undefined): string {
  if (!stored) return '';
  const parsed = parsePhoneNumberFromString(stored);
  if (!parsed) return stored;
  return parsed.country !== undefined && parsed.country === homeCountry
    ? parsed.formatNational()
    : parsed.formatInternational();
}
