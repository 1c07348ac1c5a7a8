import { z } from 'zod';
import { importRecordTypes } from './import-fields.ts';

export const importModes = ['create', 'update', 'both'] as const;
export const importMatchKeys = ['email', 'externalId', 'domain', 'kvkNumber'] as const;
export type ImportMatchKey = (typeof importMatchKeys)[number];
export const matchKeysOf = {
  contact: ['email', 'externalId'],
  account: ['domain', 'kvkNumber', 'externalId'],
} as const satisfies Record<(typeof importRecordTypes)[number], readonly ImportMatchKey[]>;

export const importStatuses = [
  'uploaded',
  'checking',
  'checked',
  'queued',
  'running',
  'completed',
  'failed',
  'undone',
] as const;
export type ImportStatus = (typeof importStatuses)[number];

export const importOptions = z.strictObject({
  /** create: only new records; update: only records that exist; both. */
  mode: z.enum(importModes),
  /** Which column finds an existing record. */
  matchBy: z.enum(importMatchKeys),
  /** Contacts: link to the account with the same company name (case and spacing ignored). */
  linkByName: z.boolean(),
  /** Contacts: otherwise link to the account of the email's domain (never a free-mail domain). */
  linkByEmailDomain: z.boolean(),
  /** Contacts: create the company when no account has its name. */
  createAccounts: z.boolean(),
});
export type ImportOptions = z.infer<typeof importOptions>;

export function defaultImportOptions(recordType: (typeof importRecordTypes)[number]): ImportOptions {
  return {
    mode: 'both',
    matchBy: recordType === 'contact' ? 'email' : 'domain',
    linkByName: true,
    linkByEmailDomain: true,
    createAccounts: false,
  };
}

export const importUploadQuery = z.strictObject({ recordType: z.enum(importRecordTypes) });

export const importUpdateInput = z.strictObject({
  /** One field key (or null: not imported) per column of the file, in column order. */
  mapping: z.array(z.string().max(100).nullable()).max(1000).optional(),
  options: importOptions.partial().optional(),
});

export const importUndoInput = z.strictObject({
  /** Undo even when records were changed after the import (those changes are lost). */
  force: z.boolean().optional(),
});

const problem = z.object({ row: z.number().int(), reason: z.string() });

export const importCheckResult = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  /** The first problems, by row number (1 is the first row under the header). */
  problems: z.array(problem),
});
export type ImportCheckResult = z.infer<typeof importCheckResult>;

export const importFieldOption = z.object({
  key: z.string(),
  /** A custom field's label; built-in fields are named by the client in its language. */
  label: z.string().nullable(),
});

export const importResponse = z.object({
  id: z.uuid(),
  recordType: z.enum(importRecordTypes),
  status: z.enum(importStatuses),
  fileName: z.string(),
  fileSize: z.number().int(),
  fileFormat: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  totalRows: z.number().int(),
  mapping: z.array(z.string().nullable()),
  /** What the headers suggested: a column whose mapping equals it was mapped automatically. */
  suggestedMapping: z.array(z.string().nullable()),
  /** The fields a column can be mapped to. */
  fields: z.array(importFieldOption),
  options: importOptions,
  rowsDone: z.number().int(),
  createdCount: z.number().int(),
  updatedCount: z.number().int(),
  unchangedCount: z.number().int(),
  failedCount: z.number().int(),
  check: importCheckResult.nullable(),
  error: z.string().nullable(),
  createdBy: z.uuid().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImportResponse = z.infer<typeof importResponse>;

export const importUndoResponse = z.object({
  deleted: z.number().int(),
  restored: z.number().int(),
  /** Records changed by someone after the import; their later changes were overwritten (force) or nothing was undone. */
  changedSince: z.number().int(),
  import: importResponse,
});
