// The deal fields a list can filter and sort on, and the fixed values of its choice fields: plain
// data without zod, so the web app's first code can build list requests without loading the schemas.
import type { FieldSpecs } from '../records/list-query.ts';

export const forecastCategories = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;

export const dealFieldSpecs: FieldSpecs = {
  id: { kind: 'id' },
  name: { kind: 'text', sortable: true },
  accountId: { kind: 'id', nullable: true },
  pipelineId: { kind: 'id' },
  stageId: { kind: 'id' },
  amount: { kind: 'number', sortable: true },
  recurringAmount: { kind: 'number', sortable: true },
  currency: { kind: 'text' },
  expectedCloseDate: { kind: 'date', nullable: true, sortable: true },
  actualCloseDate: { kind: 'date', nullable: true, sortable: true },
  probability: { kind: 'number', sortable: true },
  forecastCategory: { kind: 'enum', values: forecastCategories },
  ownerId: { kind: 'id', nullable: true },
  lostReason: { kind: 'text', nullable: true },
  source: { kind: 'text', nullable: true },
  tags: { kind: 'tags' },
  stageEnteredAt: { kind: 'timestamp', sortable: true },
  createdAt: { kind: 'timestamp', sortable: true },
  updatedAt: { kind: 'timestamp', sortable: true },
};
