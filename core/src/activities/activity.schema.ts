import { z } from 'zod';
import { timestampField } from '../records/fields.ts';
import { customInput, optionalText, ownerId, timestamps } from '../records/record.schema.ts';
import { activityOutcomes, activityTypes, directions } from './activity.fields.ts';

export { activityFieldSpecs, activityOutcomes, activityTypes, directions } from './activity.fields.ts';

const activityFields = {
  subject: optionalText(500),
  body: optionalText(50_000),
  direction: z.enum(directions).nullable().optional(),
  outcome: z.enum(activityOutcomes).nullable().optional(),
  dueAt: timestampField,
  doneAt: timestampField,
  durationMinutes: z.number().int().min(0).max(100_000).nullable().optional(),
  contactId: z.uuid().nullable().optional(),
  accountId: z.uuid().nullable().optional(),
  dealId: z.uuid().nullable().optional(),
  ownerId,
  custom: customInput.optional(),
};

export const activityCreateInput = z.strictObject({ type: z.enum(activityTypes), ...activityFields });
export const activityUpdateInput = z.strictObject({
  type: z.enum(activityTypes).optional(),
  ...activityFields,
});

export const activityResponse = z.object({
  id: z.uuid(),
  type: z.enum(activityTypes),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  direction: z.enum(directions).nullable(),
  outcome: z.string().nullable(),
  dueAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  durationMinutes: z.number().nullable(),
  contactId: z.uuid().nullable(),
  accountId: z.uuid().nullable(),
  dealId: z.uuid().nullable(),
  ownerId: z.uuid().nullable(),
  custom: z.record(z.string(), z.unknown()),
  occurredAt: z.string(),
  ...timestamps,
});

/** When an activity happened or is planned: what the timeline sorts it by. */
export function occurredAt(activity: { doneAt?: string | null; dueAt?: string | null }, now: Date): string {
  return activity.doneAt ?? activity.dueAt ?? now.toISOString();
}
