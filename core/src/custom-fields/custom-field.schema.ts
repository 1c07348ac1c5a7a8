import { z } from 'zod';

export const recordTypes = ['account', 'contact', 'deal', 'activity'] as const;
export type RecordType = (typeof recordTypes)[number];
export const customFieldTypes = [
  'text',
  'number',
  'date',
  'select',
  'multi_select',
  'boolean',
  'url',
] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];

const optionList = z.array(z.string().trim().min(1).max(100)).max(200);

export const customFieldInput = z
  .strictObject({
    recordType: z.enum(recordTypes),
    key: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, {
      error: 'Use lower-case letters, digits and _, starting with a letter.',
    }),
    label: z.string().trim().min(1).max(100),
    type: z.enum(customFieldTypes),
    options: optionList.optional(),
    required: z.boolean().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .superRefine((value, context) => {
    const needsOptions = value.type === 'select' || value.type === 'multi_select';
    if (needsOptions && (value.options?.length ?? 0) === 0) {
      context.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'A select field needs at least one option.',
      });
    }
    if (!needsOptions && (value.options?.length ?? 0) > 0) {
      context.addIssue({ code: 'custom', path: ['options'], message: 'Only select fields have options.' });
    }
  });

export const customFieldUpdateInput = z.strictObject({
  label: z.string().trim().min(1).max(100).optional(),
  options: optionList.optional(),
  required: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});

export const customFieldResponse = z.object({
  id: z.uuid(),
  recordType: z.enum(recordTypes),
  key: z.string(),
  label: z.string(),
  type: z.enum(customFieldTypes),
  options: z.array(z.string()),
  required: z.boolean(),
  position: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Values of custom fields on a record as sent by clients: validated against the definitions. */
export const customValuesInput = z.record(
  z.string().max(63),
  z.union([z.string().max(10_000), z.number(), z.boolean(), z.array(z.string().max(100)).max(200), z.null()]),
);
