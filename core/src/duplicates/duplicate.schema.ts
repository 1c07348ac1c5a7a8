import { z } from 'zod';
import { accountResponse } from '../accounts/account.schema.ts';
import { contactResponse } from '../contacts/contact.schema.ts';
import { pageOf } from '../records/record.schema.ts';

export const reasonCodes = [
  'same_email',
  'same_phone',
  'same_name_same_account',
  'similar_name_same_account',
  'similar_name',
  'same_domain',
  'same_kvk',
  'same_name_same_city',
  'similar_name_same_city',
  'same_name',
] as const;

export const reasonSchema = z.object({
  code: z.enum(reasonCodes),
  similarity: z.number().optional(),
});

export const pairStatuses = ['open', 'merged', 'dismissed'] as const;
export const duplicateRecordTypes = ['contact', 'account'] as const;
export const duplicateRecordType = z.enum(duplicateRecordTypes);

export const pairsQuery = z.strictObject({
  status: z.enum(pairStatuses).default('open'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});
export type PairsQuery = z.output<typeof pairsQuery>;

const pairFields = {
  id: z.uuid(),
  score: z.number(),
  reasons: z.array(reasonSchema),
  exact: z.boolean(),
  status: z.enum(pairStatuses),
  mergeId: z.uuid().nullable(),
  foundAt: z.string(),
};

export const contactPairResponse = z.object({ ...pairFields, a: contactResponse, b: contactResponse });
export const accountPairResponse = z.object({ ...pairFields, a: accountResponse, b: accountResponse });
export type ContactPair = z.infer<typeof contactPairResponse>;
export type AccountPair = z.infer<typeof accountPairResponse>;
export const contactPairsPage = pageOf(contactPairResponse);
export const accountPairsPage = pageOf(accountPairResponse);

export const pairResponse = z.object({
  ...pairFields,
  recordType: duplicateRecordType,
  recordA: z.uuid(),
  recordB: z.uuid(),
});

// Scans

export const scanStatuses = ['queued', 'running', 'done', 'failed'] as const;
export const scanInput = z.strictObject({
  recordTypes: z.array(duplicateRecordType).min(1).max(2).optional(),
});
export const scanResponse = z.object({
  id: z.uuid(),
  status: z.enum(scanStatuses),
  recordTypes: z.array(duplicateRecordType),
  phase: z.string().nullable(),
  pairsFound: z.number().nullable(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type DuplicateScan = z.infer<typeof scanResponse>;
export const latestScanResponse = z.object({ scan: scanResponse.nullable() });

// Checks before create (a GET: nothing is written)

/** A contact about to be saved: the fields that identify a person. */
export const contactCheckInput = z.strictObject({
  firstName: z.string().max(200).nullable().optional(),
  lastName: z.string().max(200).nullable().optional(),
  email: z.string().max(254).nullable().optional(),
  phone: z.string().max(50).nullable().optional(),
  mobile: z.string().max(50).nullable().optional(),
  accountId: z.uuid().nullable().optional(),
});
export type ContactCheck = z.infer<typeof contactCheckInput>;

/** An account about to be saved: the fields that identify a company. */
export const accountCheckInput = z.strictObject({
  name: z.string().max(300).nullable().optional(),
  domain: z.string().max(300).nullable().optional(),
  website: z.string().max(2000).nullable().optional(),
  kvkNumber: z.string().max(20).nullable().optional(),
  city: z.string().max(200).nullable().optional(),
});
export type AccountCheck = z.infer<typeof accountCheckInput>;

const matchFields = { score: z.number(), reasons: z.array(reasonSchema), exact: z.boolean() };
export const contactCheckResponse = z.object({
  data: z.array(z.object({ ...matchFields, record: contactResponse })),
});
export const accountCheckResponse = z.object({
  data: z.array(z.object({ ...matchFields, record: accountResponse })),
});

// Merges

const side = z.enum(['survivor', 'merged']);
export const mergeInput = z.strictObject({
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  /** A side per field group (see mergeGroups); groups left out keep the fuller value. */
  fields: z.record(z.string().max(100), side).optional(),
  /** A side per custom field key; keys left out keep the survivor's value when it has one. */
  custom: z.record(z.string().max(100), side).optional(),
});
export type MergeInput = z.infer<typeof mergeInput>;

export const movedCounts = z.record(z.string(), z.number());
export const mergeStatuses = ['done', 'undone'] as const;

export const mergeResponse = z.object({
  id: z.uuid(),
  recordType: duplicateRecordType,
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  status: z.enum(mergeStatuses),
  moved: movedCounts,
  mergedAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type Merge = z.infer<typeof mergeResponse>;

export const autoMergePreviewQuery = z.strictObject({ recordType: duplicateRecordType });
export const autoMergePreview = z.object({ recordType: duplicateRecordType, count: z.number() });
export const autoMergeInput = z.strictObject({
  recordType: duplicateRecordType,
  /** At most this many pairs per request; call again while `remaining` is above 0. */
  limit: z.number().int().min(1).max(200).default(50),
});
export const autoMergeResponse = z.object({
  merged: z.number(),
  skipped: z.number(),
  remaining: z.number(),
  mergeIds: z.array(z.uuid()),
});
