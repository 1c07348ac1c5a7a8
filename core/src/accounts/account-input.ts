import { normalizeDomain } from '../validation/domain.ts';
import { normalizeIndustryCode } from '../validation/industry-codes.ts';
import { normalizePostcode } from '../validation/postcode.ts';
import { checkFields, checkWebsite, type FieldProblem, phoneIn } from '../validation/record-checks.ts';

/** What the account looked like before a change (null on create), as far as the checks need it. */
export interface AccountBefore {
  country: string | null;
  postalCode: string | null;
}

/**
 * The checks of an account write that the request schema cannot do: they need the account's country
 * or the workspace's (phone numbers, postcodes) or data too large for the web app's bundle (the
 * public suffix list, the SBI codes). `values` is the schema's output (already trimmed, case-folded,
 * KvK, VAT and email checked); its fields are replaced by their normal forms in place. A phone number
 * is read as a number of the account's own country, else of `defaultCountry` (the workspace's).
 * A postcode is checked when it or the country changes (a stored `1234 AB` is no Belgian postcode).
 */
export function normalizeAccountInput(
  values: Record<string, unknown>,
  before: AccountBefore | null,
  defaultCountry: string,
): FieldProblem[] {
  const country = (values.country === undefined ? before?.country : values.country) as string | null;
  const countryChanged = values.country !== undefined && values.country !== (before?.country ?? null);
  if (values.postalCode === undefined && countryChanged && before?.postalCode)
    values.postalCode = before.postalCode;
  return checkFields(values, {
    domain: normalizeDomain,
    website: checkWebsite,
    phone: phoneIn(country ?? defaultCountry),
    postalCode: (raw) => normalizePostcode(raw, country),
    industryCode: normalizeIndustryCode,
  });
}
