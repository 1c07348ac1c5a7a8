// The activity fields a list can filter and sort on, and the fixed values of its choice fields: plain
// data without zod, so the web app's first code can build list requests without loading the schemas.
import type { FieldSpecs } from '../records/list-query.ts';

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
