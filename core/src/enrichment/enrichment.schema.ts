import { z } from 'zod';
import { accountResponse } from '../accounts/account.schema.ts';

/** Account columns a provider may fill. The domain is not among them: it is what providers look up. */
export const enrichableFields = [
  'name',
  'description',
  'industryCode',
  'employeeCount',
  'foundedYear',
  'street',
  'postalCode',
  'city',
  'region',
  'country',
  'phone',
  'email',
  'website',
  'kvkNumber',
  'vatNumber',
  'technologies',
] as const;
export type EnrichableField = (typeof enrichableFields)[number];

/** What providers find that has no account column: kept only with its source, shown on the account page. */
export const profileFields = ['socialLinks', 'language'] as const;
export type ProfileField = (typeof profileFields)[number];

export type FoundField = EnrichableField | ProfileField;
export const foundFields: readonly FoundField[] = [...enrichableFields, ...profileFields];

export const socialNetworks = ['linkedin', 'x', 'facebook', 'instagram', 'youtube'] as const;
export type SocialNetwork = (typeof socialNetworks)[number];
export type SocialLinks = Partial<Record<SocialNetwork, string>>;

/** One value a provider found, with where and when it was found. */
export interface Finding {
  field: FoundField;
  value: unknown;
  source: string;
  fetchedAt: Date;
}

/** Who set the value a field holds now: a person (through a form, the API or an import) or a provider. */
export const setByValues = ['user', 'provider'] as const;
export type SetBy = (typeof setByValues)[number];

export interface FieldSource {
  field: string;
  setBy: SetBy;
  source: string;
  value: unknown;
  fetchedAt: Date | string;
}

/**
 * What happened to a found value: written to the account (`applied`), already there (`unchanged`),
 * or left alone because a person set the field (`kept_user_value`; send `overwrite` to replace it).
 */
export const fieldOutcomes = ['applied', 'unchanged', 'kept_user_value'] as const;
export type FieldOutcome = (typeof fieldOutcomes)[number];

export const providerStatuses = ['found', 'not_found', 'failed', 'skipped'] as const;
export type ProviderStatus = (typeof providerStatuses)[number];

export const enrichRequest = z.strictObject({
  overwrite: z
    .union([z.boolean(), z.array(z.enum(enrichableFields)).max(enrichableFields.length)])
    .optional()
    .describe('true replaces every value a person set; a list of fields replaces only those'),
});
export type EnrichRequest = z.output<typeof enrichRequest>;

// Written as ISO 8601 by the response serializer.
const time = z.string();

export const fieldSourceResponse = z.object({
  field: z.string(),
  setBy: z.enum(setByValues),
  source: z.string(),
  value: z.unknown(),
  fetchedAt: time,
});

export const providerRunResponse = z.object({
  source: z.string(),
  status: z.enum(providerStatuses),
  /** Why it was skipped or failed: no_keys, refused, robots, timeout, too_large, redirects, status, network, loading, error. */
  reason: z.string().nullable(),
  /** The same in a sentence, with the host and the limits (English). */
  detail: z.string().nullable(),
});

export const fieldResultResponse = z.object({
  field: z.string(),
  value: z.unknown(),
  source: z.string(),
  fetchedAt: time,
  outcome: z.enum(fieldOutcomes),
  current: z.unknown(),
});

export const enrichmentResponse = z.object({
  account: accountResponse,
  providers: z.array(providerRunResponse),
  fields: z.array(fieldResultResponse),
  sources: z.array(fieldSourceResponse),
});
export type EnrichmentResult = z.infer<typeof enrichmentResponse>;

export const enrichmentStateResponse = z.object({
  /** The configured providers; empty when enrichment is switched off. */
  providers: z.array(z.object({ source: z.string(), label: z.string() })),
  sources: z.array(fieldSourceResponse),
});
export type EnrichmentState = z.infer<typeof enrichmentStateResponse>;

/** A background enrichment: the accounts given by id, or every account a list filter (and search) selects. */
export const bulkEnrichRequest = z
  .strictObject({
    ids: z.array(z.uuid()).min(1).max(10_000).optional(),
    filter: z.union([z.string().max(1000), z.array(z.string().max(1000)).max(20)]).optional(),
    q: z.string().trim().max(200).optional(),
    overwrite: enrichRequest.shape.overwrite,
  })
  .refine((body) => !(body.ids && (body.filter || body.q)), {
    error: 'Send ids or a filter, not both.',
    path: ['ids'],
  });
export type BulkEnrichRequest = z.output<typeof bulkEnrichRequest>;

export const enrichmentRunResponse = z.object({
  id: z.string(),
  state: z.enum(['created', 'retry', 'active', 'completed', 'cancelled', 'failed']),
  done: z.number(),
  changed: z.number(),
  failed: z.number(),
  /** Known for a list of ids; null for a filter, which is counted while it runs. */
  total: z.number().nullable(),
});
