import { z } from 'zod';
import { isCalendarDate } from '../shared/calendar-date.ts';
import type { Checked } from '../validation/checked.ts';
import { cleanEmail, isEmail } from '../validation/email.ts';
import { hostOf } from '../validation/host.ts';

/**
 * A text field checked by one of the pure normalisers of `core/src/validation/`: the value becomes its
 * normal form, or the request fails on this field with the normaliser's message. Empty text is null.
 */
export function normalisedField(max: number, check: (raw: string) => Checked<string | null>) {
  return z
    .string()
    .max(max, { error: `Use at most ${max} characters.` })
    .transform((raw, ctx) => {
      const checked = check(raw);
      if (checked.ok) return checked.value;
      ctx.addIssue({ code: 'custom', message: checked.message });
      return z.NEVER;
    })
    .nullable()
    .optional();
}

const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const domainField = z
  .string()
  .max(300)
  .transform(hostOf)
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

/** `Jan <Jan@Acme.nl>` and `mailto:jan@acme.nl` become `jan@acme.nl` (see `cleanEmail`). */
export const emailField = z
  .string()
  .max(500)
  .transform(cleanEmail)
  .refine((value) => value.length <= 254, { error: 'An email address has at most 254 characters.' })
  .refine((value) => value === '' || isEmail(value), {
    error: 'Enter a valid email address, like name@company.nl.',
  })
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

/**
 * Any way of writing a phone number; the service turns it into E.164 (`core/src/validation/phone.ts`)
 * because that needs the record's or the workspace's country, which a request schema cannot know.
 */
export const phoneField = z
  .string()
  .trim()
  .max(50, { error: 'Use at most 50 characters.' })
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
