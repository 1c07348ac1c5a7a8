import { z } from 'zod';
import { emailField, phoneField, timestampField } from '../records/fields.ts';
import { customInput, optionalText, ownerId, tagsInput, timestamps } from '../records/record.schema.ts';
import { consentStatuses, lifecycleStages, personas } from './contact.fields.ts';

export { consentStatuses, contactFieldSpecs, lifecycleStages, personas } from './contact.fields.ts';

const contactFields = {
  firstName: optionalText(200),
  lastName: optionalText(200),
  email: emailField,
  phone: phoneField,
  mobile: phoneField,
  jobTitle: optionalText(200),
  persona: z.enum(personas).nullable().optional(),
  accountId: z.uuid().nullable().optional(),
  lifecycleStage: z.enum(lifecycleStages).optional(),
  leadSource: optionalText(200),
  ownerId,
  marketingConsent: z.enum(consentStatuses).optional(),
  consentAt: timestampField,
  consentSource: optionalText(500),
  tags: tagsInput.optional(),
  custom: customInput.optional(),
};

export const contactCreateInput = z
  .strictObject(contactFields)
  .refine((contact) => Boolean(contact.firstName || contact.lastName || contact.email), {
    error: 'Give at least a first name, a last name or an email address.',
    path: ['lastName'],
  });

export const contactUpdateInput = z.strictObject(contactFields);

export const contactResponse = z.object({
  id: z.uuid(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  jobTitle: z.string().nullable(),
  persona: z.enum(personas).nullable(),
  accountId: z.uuid().nullable(),
  lifecycleStage: z.enum(lifecycleStages),
  leadSource: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  marketingConsent: z.enum(consentStatuses),
  consentAt: z.string().nullable(),
  consentSource: z.string().nullable(),
  tags: z.array(z.string()),
  custom: z.record(z.string(), z.unknown()),
  ...timestamps,
});
export type Contact = z.infer<typeof contactResponse>;
