// The account fields a list can filter and sort on, and the fixed values of its choice fields: plain
// data without zod, so the web app's first code can build list requests without loading the schemas.
import type { FieldSpecs } from '../records/list-query.ts';

export const customerStatuses = [
  'prospect',
  'customer',
  'former_customer',
  'partner',
  'competitor',
  'other',
] as const;

export const accountFieldSpecs: FieldSpecs = {
  id: { kind: 'id' },
  name: { kind: 'text', sortable: true },
  domain: { kind: 'text', nullable: true },
  city: { kind: 'text', nullable: true },
  country: { kind: 'text', nullable: true },
  industryCode: { kind: 'text', nullable: true },
  kvkNumber: { kind: 'text', nullable: true },
  employeeCount: { kind: 'number', nullable: true, sortable: true },
  annualRevenue: { kind: 'number', nullable: true, sortable: true },
  customerStatus: { kind: 'enum', values: customerStatuses },
  ownerId: { kind: 'id', nullable: true },
  tags: { kind: 'tags' },
  technologies: { kind: 'tags' },
  createdAt: { kind: 'timestamp', sortable: true },
  updatedAt: { kind: 'timestamp', sortable: true },
};
