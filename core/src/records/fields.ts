import { z } from 'zod';
import { isCalendarDate } from '../shared/calendar-date.ts';

/**
 * Lower-case host name without scheme, www., path or port: `https://www.Acme.nl/x` becomes `acme.nl`;
 * internationalised names are stored in their ASCII (punycode) form, as DNS knows them.
 */
export function normalizeDomain(value: string): string {
  const host = value
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#:].*$/, '');
  if (!/\P{ASCII}/u.test(host) || !URL.canParse(`http://${host}`)) return host;
  return new URL(`http://${host}`).hostname;
}

const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const domainField = z
  .string()
  .max(300)
  .transform(normalizeDomain)
  .refine((value) => value === '' || HOST.test(value), { error: 'Enter a domain such as acme.nl.' })
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

export const urlField = z
  .string()
  .trim()
  .max(2000)
  .transform((value) =>
    value !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? `https://${value}` : value,
  )
  .refine((value) => value === '' || (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)), {
    error: 'Enter a web address such as https://acme.nl.',
  })
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

export const emailField = z
  .string()
  .trim()
  .max(254)
  .transform((value) => value.toLowerCase())
  .refine((value) => value === '' || z.email().safeParse(value).success, {
    error: 'Enter a valid email address, like name@company.nl.',
  })
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

export const phoneField = z
  .string()
  .trim()
  .max(50)
  .refine((value) => value === '' || /^[+()\d\s./-]{5,50}$/.test(value), {
    error: 'Enter a phone number of digits, spaces and + ( ) - only.',
  })
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

export const countryField = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .refine((value) => value === '' || /^[A-Z]{2}$/.test(value), {
    error: 'Use a two-letter country code such as NL or BE.',
  })
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

export const dateField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Use a date as YYYY-MM-DD.' })
  .refine(isCalendarDate, { error: 'This date does not exist.' })
  .nullable()
  .optional();

export const timestampField = z.iso
  .datetime({ offset: true, error: 'Use a date and time in ISO 8601, such as 2026-11-26T14:30:00Z.' })
  .nullable()
  .optional();

/** Money in minor units (cents), as integers: no rounding errors. */
export const moneyField = z
  .number()
  .int({ error: 'Send amounts in cents, as whole numbers.' })
  .min(0)
  .max(1e15);
