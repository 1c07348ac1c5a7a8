import { accountCreateInput, accountUpdateInput } from '@baken/core/accounts/account.schema';
import { normalizeAccountInput } from '@baken/core/accounts/account-input';
import { contactCreateInput, contactUpdateInput } from '@baken/core/contacts/contact.schema';
import { normalizeContactInput } from '@baken/core/contacts/contact-input';
import type { ImportMatchKey } from '@baken/core/imports/import.schema';
import type { ImportRecordType } from '@baken/core/imports/import-fields';
import type { FieldProblem } from '@baken/core/validation/record-checks';
import type { z } from 'zod';

/** A column an import writes: its SQL name and type, and what a new record gets when the file has nothing. */
export interface ImportColumn {
  field: string;
  column: string;
  type: 'text' | 'uuid' | 'jsonb' | 'integer' | 'bigint' | 'smallint';
  default?: string;
}

/** How an import writes one record type: its table, the API's schemas, the columns it may set. */
export interface ImportTarget {
  recordType: ImportRecordType;
  table: 'contacts' | 'accounts';
  createSchema: z.ZodType;
  updateSchema: z.ZodType<Record<string, unknown>>;
  columns: ImportColumn[];
  /** The SQL expression a match key is compared with, and the schema field that normalises the key. */
  matchColumns: Partial<Record<ImportMatchKey, string>>;
  /** The checks the API's service runs after the schema (phone numbers, postcodes, …), in place. */
  normalize(
    values: Record<string, unknown>,
    existing: Record<string, unknown> | null,
    defaultCountry: string,
  ): FieldProblem[];
}

const text = (field: string, column: string, fallback?: string): ImportColumn => ({
  field,
  column,
  type: 'text',
  ...(fallback ? { default: fallback } : {}),
});

export const contactTarget: ImportTarget = {
  recordType: 'contact',
  table: 'contacts',
  createSchema: contactCreateInput,
  updateSchema: contactUpdateInput as z.ZodType<Record<string, unknown>>,
  columns: [
    text('firstName', 'first_name'),
    text('lastName', 'last_name'),
    text('email', 'email'),
    text('phone', 'phone'),
    text('mobile', 'mobile'),
    text('jobTitle', 'job_title'),
    text('lifecycleStage', 'lifecycle_stage', "'lead'"),
    text('leadSource', 'lead_source'),
    { field: 'accountId', column: 'account_id', type: 'uuid' },
    { field: 'custom', column: 'custom', type: 'jsonb', default: "'{}'::jsonb" },
    text('externalId', 'external_id'),
  ],
  matchColumns: { email: 'lower(email)', externalId: 'external_id' },
  normalize: (values, _existing, defaultCountry) => normalizeContactInput(values, defaultCountry),
};

export const accountTarget: ImportTarget = {
  recordType: 'account',
  table: 'accounts',
  createSchema: accountCreateInput,
  updateSchema: accountUpdateInput as z.ZodType<Record<string, unknown>>,
  columns: [
    text('name', 'name'),
    text('domain', 'domain'),
    text('website', 'website'),
    text('phone', 'phone'),
    text('email', 'email'),
    text('street', 'street'),
    text('postalCode', 'postal_code'),
    text('city', 'city'),
    text('region', 'region'),
    text('country', 'country'),
    text('kvkNumber', 'kvk_number'),
    text('vatNumber', 'vat_number'),
    text('industryCode', 'industry_code'),
    { field: 'employeeCount', column: 'employee_count', type: 'integer' },
    { field: 'annualRevenue', column: 'annual_revenue', type: 'bigint' },
    { field: 'foundedYear', column: 'founded_year', type: 'smallint' },
    text('customerStatus', 'customer_status', "'prospect'"),
    text('description', 'description'),
    { field: 'custom', column: 'custom', type: 'jsonb', default: "'{}'::jsonb" },
    text('externalId', 'external_id'),
  ],
  matchColumns: { domain: 'lower(domain)', kvkNumber: 'kvk_number', externalId: 'external_id' },
  normalize: (values, existing, defaultCountry) =>
    normalizeAccountInput(
      values,
      existing
        ? { country: existing.country as string | null, postalCode: existing.postalCode as string | null }
        : null,
      defaultCountry,
    ),
};

export function targetOf(recordType: ImportRecordType): ImportTarget {
  return recordType === 'contact' ? contactTarget : accountTarget;
}
