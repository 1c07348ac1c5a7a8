import { z } from 'zod';
import { roles } from './roles.ts';

export const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'Enter a valid email address, like name@company.nl.' }))
  .transform((value) => value.toLowerCase());

// Long passphrases are welcome; argon2 handles any length, the cap only bounds the work per request.
export const password = z
  .string()
  .min(10, { error: 'Use at least 10 characters.' })
  .max(256, { error: 'Use at most 256 characters.' });

export const personName = z.string().trim().min(1, { error: 'Enter a name.' }).max(200);
export const locale = z.enum(['nl', 'en']);
export const timeZone = z
  .string()
  .max(64)
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { error: 'Use an IANA time zone such as Europe/Amsterdam.' },
  );

export const setupInput = z.strictObject({
  workspaceName: z.string().trim().min(1, { error: 'Enter a workspace name.' }).max(200),
  name: personName,
  email,
  password,
  locale: locale.optional(),
  timeZone: timeZone.optional(),
});

export const loginInput = z.strictObject({
  email: z
    .string()
    .trim()
    .max(254)
    .transform((value) => value.toLowerCase()),
  password: z.string().max(256),
  workspaceId: z.uuid().optional(),
});

export const roleSchema = z.enum(roles);

export const invitationInput = z.strictObject({
  email,
  role: roleSchema,
});

export const acceptInvitationInput = z.strictObject({
  token: z.string().min(10).max(300),
  name: personName.optional(),
  password,
  /** The invitee's browser language, kept as their account language (new accounts only). */
  locale: locale.optional(),
  timeZone: timeZone.optional(),
});

export const apiTokenInput = z.strictObject({
  name: z.string().trim().min(1, { error: 'Give the token a name.' }).max(100),
  scope: z.enum(['read', 'read_write']),
});

export const membershipUpdateInput = z.strictObject({ role: roleSchema });

export const profileUpdateInput = z.strictObject({
  name: personName.optional(),
  locale: locale.optional(),
  timeZone: timeZone.nullable().optional(),
  currentPassword: z.string().max(256).optional(),
  newPassword: password.optional(),
});

export const workspaceUpdateInput = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  timeZone: timeZone.optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'Use a three-letter ISO currency code such as EUR.' })
    .optional(),
  locale: locale.optional(),
  /** Where national phone numbers are read when a record has no country of its own. */
  defaultCountry: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, { error: 'Use a two-letter country code such as NL or BE.' }))
    .optional(),
});

export const meResponse = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    locale: z.string(),
    timeZone: z.string().nullable(),
  }),
  workspace: z.object({
    id: z.uuid(),
    name: z.string(),
    timeZone: z.string(),
    currency: z.string(),
    locale: z.string(),
    defaultCountry: z.string(),
  }),
  role: roleSchema,
  via: z.enum(['session', 'token']),
  /** Send as the x-csrf-token header on every cookie-authenticated write. */
  csrfToken: z.string().nullable(),
  workspaces: z.array(z.object({ id: z.uuid(), name: z.string(), role: roleSchema })),
});
