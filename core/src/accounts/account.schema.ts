import { z } from 'zod';
import {
  countryField,
  domainField,
  emailField,
  moneyField,
  normalisedField,
  phoneField,
  urlField,
} from '../records/fields.ts';
import { customInput, optionalText, ownerId, tagsInput, timestamps } from '../records/record.schema.ts';
import { normalizeKvkNumber } from '../validation/kvk.ts';
import { normalizeVatNumber } from '../validation/vat.ts';
import { customerStatuses } from './account.fields.ts';

export { accountFieldSpecs, customerStatuses } from './account.fields.ts';

const accountFields = {
  domain: domainField,
  website: urlField,
  phone: phoneField,
  email: emailField,
  street: optionalText(300),
  postalCode: optionalText(20),
  city: optionalText(200),
  region: optionalText(200),
  country: countryField,
  kvkNumber: normalisedField(50, normalizeKvkNumber),
  vatNumber: normalisedField(50, normalizeVatNumber),
  /** Checked against the SBI list by the service (`account-input.ts`), so the list stays out of the web app. */
  industryCode: optionalText(200),
  employeeCount: z.number().int().min(0).max(10_000_000).nullable().optional(),
  annualRevenue: moneyField.nullable().optional(),
  foundedYear: z.number().int().min(1000).max(2100).nullable().optional(),
  technologies: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
  customerStatus: z.enum(customerStatuses).optional(),
  ownerId,
  description: optionalText(10_000),
  tags: tagsInput.optional(),
  custom: customInput.optional(),
};

export const accountCreateInput = z.strictObject({
  name: z.string().trim().min(1, { error: 'Enter the company name.' }).max(300),
  ...accountFields,
});

export const accountUpdateInput = z.strictObject({
  name: z.string().trim().min(1, { error: 'The company name cannot be empty.' }).max(300).optional(),
  ...accountFields,
});

export const accountResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  domain: z.string().nullable(),
  website: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  kvkNumber: z.string().nullable(),
  vatNumber: z.string().nullable(),
  industryCode: z.string().nullable(),
  employeeCount: z.number().nullable(),
  annualRevenue: z.number().nullable(),
  foundedYear: z.number().nullable(),
  technologies: z.array(z.string()),
  customerStatus: z.enum(customerStatuses),
  ownerId: z.uuid().nullable(),
  description: z.string().nullable(),
  tags: z.array(z.string()),
  custom: z.record(z.string(), z.unknown()),
  ...timestamps,
});
export type Account = z.infer<typeof accountResponse>;
