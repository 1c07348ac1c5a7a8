import { z } from 'zod';
import { emailField, phoneField, timestampField } from '../records/fields.ts';
import type { FieldSpecs } from '../records/list-query.ts';
import { customInput, optionalText, ownerId, tagsInput, timestamps } from '../records/record.schema.ts';

export const personas = ['decision_maker', 'champion', 'influencer', 'user', 'gatekeeper'] as const;
export const lifecycleStages = [
  'subscriber',
  'lead',
  'mql',
  'sql',
  'opportunity',
  'customer',
  'evangelist',
  'disqualified',
] as const;
export const consentStatuses = ['unknown', 'granted', 'denied', 'withdrawn'] as const;

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

export const contactFieldSpecs: FieldSpecs = {
  id: { kind: 'id' },
  firstName: { kind: 'text', nullable: true },
  lastName: { kind: 'text', nullable: true, sortable: true },
  email: { kind: 'text', nullable: true },
  phone: { kind: 'text', nullable: true },
  jobTitle: { kind: 'text', nullable: true },
  persona: { kind: 'enum', nullable: true, values: personas },
  accountId: { kind: 'id', nullable: true },
  lifecycleStage: { kind: 'enum', values: lifecycleStages },
  leadSource: { kind: 'text', nullable: true },
  ownerId: { kind: 'id', nullable: true },
  marketingConsent: { kind: 'enum', values: consentStatuses },
  tags: { kind: 'tags' },
  createdAt: { kind: 'timestamp', sortable: true },
  updatedAt: { kind: 'timestamp', sortable: true },
};
