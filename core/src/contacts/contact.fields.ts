// The contact fields a list can filter and sort on, and the fixed values of its choice fields: plain
// data without zod, so the web app's first code can build list requests without loading the schemas.
import type { FieldSpecs } from '../records/list-query.ts';

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
