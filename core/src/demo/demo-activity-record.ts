import type { Owners } from './demo-owners.ts';
import type { DemoActivity, DemoStage } from './demo-types.ts';

export interface ActivityInput {
  now: Date;
  newId: () => string;
  owners: Owners;
  stages: readonly DemoStage[];
}

export type ActivityFields = Omit<DemoActivity, 'id' | 'occurredAt' | 'createdAt' | 'updatedAt'>;

/** The optional parts of an activity, empty: spread first, then what the activity has. */
export const blank = {
  body: null,
  direction: null,
  outcome: null,
  dueAt: null,
  doneAt: null,
  durationMinutes: null,
} as const;

/**
 * An activity as the API would store it: it happened (or is planned) at `doneAt ?? dueAt`, and one
 * with neither (a note) happened when it was written.
 */
export function activity(newId: () => string, fields: ActivityFields, createdAt: Date): DemoActivity {
  const occurredAt = fields.doneAt ?? fields.dueAt ?? createdAt;
  const updatedAt = fields.doneAt && fields.doneAt > createdAt ? fields.doneAt : createdAt;
  return { id: newId(), ...fields, occurredAt, createdAt, updatedAt };
}
