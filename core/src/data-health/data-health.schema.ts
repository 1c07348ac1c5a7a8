import { z } from 'zod';

/**
 * What data health counts. Each metric is a set of records; `missing` ones are also list filters
 * (the lists open on exactly that set), the others have their own page of records.
 */
export const dataHealthMetrics = [
  'contacts.missingEmail',
  'contacts.missingPhone',
  'contacts.unreachable',
  'contacts.missingAccount',
  'contacts.invalidEmail',
  'contacts.invalidPhone',
  'contacts.stale',
  'accounts.missingDomain',
  'accounts.missingKvk',
  'accounts.missingIndustry',
  'accounts.missingOwner',
  'accounts.invalidEmail',
  'accounts.invalidPhone',
  'accounts.invalidPostcode',
  'accounts.invalidVat',
  'accounts.invalidKvk',
  'accounts.stale',
] as const;
export type DataHealthMetric = (typeof dataHealthMetrics)[number];

export const metricGroups = ['missing', 'invalid', 'stale'] as const;

export const dataHealthQuery = z.strictObject({
  /** A record is stale after this many months without an activity. */
  staleMonths: z.coerce.number().int().min(1).max(120).default(12),
});

export const metricResponse = z.object({
  key: z.enum(dataHealthMetrics),
  recordType: z.enum(['contact', 'account']),
  group: z.enum(metricGroups),
  count: z.number(),
  /** List filters (`field:op[:value]`) that open the list on exactly this set; null when a list cannot. */
  filters: z.array(z.string()).nullable(),
});

export const dataHealthResponse = z.object({
  staleMonths: z.number(),
  totals: z.object({ contacts: z.number(), accounts: z.number() }),
  metrics: z.array(metricResponse),
  duplicates: z.object({ contacts: z.number(), accounts: z.number() }),
});
export type DataHealth = z.infer<typeof dataHealthResponse>;

export const metricRecordsQuery = z.strictObject({
  metric: z.enum(dataHealthMetrics),
  staleMonths: z.coerce.number().int().min(1).max(120).default(12),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.uuid().optional(),
});

export const metricRecordsResponse = z.object({
  data: z.array(z.object({ id: z.uuid(), name: z.string(), value: z.string().nullable() })),
  nextCursor: z.string().nullable(),
});
