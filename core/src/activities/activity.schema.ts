import { z } from 'zod';
import { timestampField } from '../records/fields.ts';
import type { FieldSpecs } from '../records/list-query.ts';
import { customInput, optionalText, ownerId, timestamps } from '../records/record.schema.ts';

export const activityTypes = ['call', 'email', 'meeting', 'visit', 'task', 'note'] as const;
export const directions = ['inbound', 'outbound'] as const;
export const activityOutcomes = [
  'no_answer',
  'voicemail',
  'connected',
  'meeting_booked',
  'not_interested',
  'wrong_number',
  'call_back',
  'held',
  'no_show',
  'rescheduled',
  'completed',
] as const;

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

export const activityFieldSpecs: FieldSpecs = {
  id: { kind: 'id' },
  type: { kind: 'enum', values: activityTypes },
  subject: { kind: 'text', nullable: true },
  direction: { kind: 'enum', nullable: true, values: directions },
  outcome: { kind: 'enum', nullable: true, values: activityOutcomes },
  dueAt: { kind: 'timestamp', nullable: true, sortable: true },
  doneAt: { kind: 'timestamp', nullable: true, sortable: true },
  contactId: { kind: 'id', nullable: true },
  accountId: { kind: 'id', nullable: true },
  dealId: { kind: 'id', nullable: true },
  ownerId: { kind: 'id', nullable: true },
  occurredAt: { kind: 'timestamp', sortable: true },
  createdAt: { kind: 'timestamp', sortable: true },
  updatedAt: { kind: 'timestamp', sortable: true },
};

/** When an activity happened or is planned: what the timeline sorts it by. */
export function occurredAt(activity: { doneAt?: string | null; dueAt?: string | null }, now: Date): string {
  return activity.doneAt ?? activity.dueAt ?? now.toISOString();
}
