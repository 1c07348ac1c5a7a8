import { z } from 'zod';
import { type Checked, valid } from './checked.ts';

const address = z.email();

/**
 * The bare address out of what copy-paste and exports leave around it: `Jan <Jan@Acme.nl>`,
 * `mailto:jan@acme.nl?subject=Offerte`, `<jan@acme.nl>`, quotes and a trailing `;` or `,` of a
 * list; lower-cased. Whatever is left is checked by `normalizeEmail`.
 */
export function cleanEmail(raw: string): string {
  let value = raw.trim();
  const bracketed = /<([^<>]*)>[\s;,]*$/.exec(value);
  if (bracketed) value = bracketed[1]!.trim();
  if (/^mailto:/i.test(value)) value = value.slice('mailto:'.length).replace(/\?.*$/, '');
  return value
    .replace(/^["']+|["';,]+$/g, '')
    .trim()
    .toLowerCase();
}

export function isEmail(value: string): boolean {
  return address.safeParse(value).success;
}

/** An email address cleaned and lower-cased; empty input is no address (null). */
export function normalizeEmail(raw: string): Checked<string | null> {
  const value = cleanEmail(raw);
  if (value === '') return valid(null);
  return isEmail(value)
    ? valid(value)
    : { ok: false, message: 'Enter a valid email address, like name@company.nl.' };
}
