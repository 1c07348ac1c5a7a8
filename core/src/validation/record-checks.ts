import { type Checked, quoted } from './checked.ts';
import { registrableDomain } from './domain.ts';
import { hostOf } from './host.ts';
import { normalizePhone } from './phone.ts';

/** A field the input refused, in the shape the API answers (`errors[]` of problem+json). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Checks the string values of the given fields, replacing each with its normal form or noting why not. */
export function checkFields(
  values: Record<string, unknown>,
  checks: Record<string, (raw: string) => Checked<string | null>>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, check] of Object.entries(checks)) {
    const raw = values[field];
    if (typeof raw !== 'string') continue;
    const checked = check(raw);
    if (checked.ok) values[field] = checked.value;
    else problems.push({ field, message: checked.message });
  }
  return problems;
}

export const phoneIn = (country: string | null | undefined) => (raw: string) => normalizePhone(raw, country);

/** A web address must lead to a host under a public suffix: not `http://localhost` or `intranet.local`. */
export function checkWebsite(url: string): Checked<string | null> {
  if (url === '') return { ok: true, value: null };
  return registrableDomain(hostOf(url))
    ? { ok: true, value: url }
    : {
        ok: false,
        message: `Enter a web address such as https://acme.nl; ${quoted(url)} has no public domain.`,
      };
}
