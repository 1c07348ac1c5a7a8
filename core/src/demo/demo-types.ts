import type { customerStatuses } from '../accounts/account.schema.ts';
import type { activityOutcomes, activityTypes } from '../activities/activity.schema.ts';
import type { lifecycleStages, personas } from '../contacts/contact.schema.ts';
import type { forecastCategories } from '../deals/deal.schema.ts';
import type { Role } from '../platform/roles.ts';

export type Country = 'NL' | 'BE';
export type Persona = (typeof personas)[number];

/** A member of the workspace who can own demo records. */
export interface DemoMember {
  userId: string;
  role: Role;
}

/** A stage of the pipeline the demo deals move through. */
export interface DemoStage {
  id: string;
  pipelineId: string;
  position: number;
  probability: number;
  kind: 'open' | 'won' | 'lost';
}

export interface DemoSize {
  accounts: number;
  contacts: number;
  deals: number;
  activities: number;
}

export interface DemoInput {
  seed: number;
  /** The moment the history runs up to: deals and activities reach 18 months back from it. */
  now: Date;
  members: readonly DemoMember[];
  stages: readonly DemoStage[];
  currency: string;
  newId: () => string;
  size?: Partial<DemoSize>;
}

export interface DemoAccount {
  id: string;
  name: string;
  domain: string;
  website: string;
  phone: string;
  email: string;
  street: string;
  postalCode: string;
  city: string;
  region: string;
  country: Country;
  kvkNumber: string | null;
  vatNumber: string;
  industryCode: string;
  employeeCount: number;
  annualRevenue: number;
  foundedYear: number;
  technologies: string[];
  customerStatus: (typeof customerStatuses)[number];
  ownerId: string | null;
  description: string;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoContact {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  mobile: string | null;
  jobTitle: string | null;
  persona: Persona | null;
  accountId: string | null;
  lifecycleStage: (typeof lifecycleStages)[number];
  leadSource: string;
  ownerId: string | null;
  marketingConsent: 'unknown' | 'granted' | 'denied' | 'withdrawn';
  consentAt: Date | null;
  consentSource: string | null;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoDeal {
  id: string;
  name: string;
  accountId: string;
  pipelineId: string;
  stageId: string;
  amount: number;
  currency: string;
  recurringAmount: number;
  expectedCloseDate: string;
  actualCloseDate: string | null;
  probability: number;
  forecastCategory: (typeof forecastCategories)[number];
  ownerId: string | null;
  lostReason: string | null;
  source: string;
  stageEnteredAt: Date;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoStageChange {
  id: string;
  dealId: string;
  fromStageId: string | null;
  toStageId: string;
  changedAt: Date;
  changedBy: string | null;
}

export interface DemoDealContact {
  dealId: string;
  contactId: string;
  role: string;
  createdAt: Date;
}

export interface DemoActivity {
  id: string;
  type: (typeof activityTypes)[number];
  subject: string;
  body: string | null;
  direction: 'inbound' | 'outbound' | null;
  outcome: (typeof activityOutcomes)[number] | null;
  dueAt: Date | null;
  doneAt: Date | null;
  durationMinutes: number | null;
  contactId: string | null;
  accountId: string | null;
  dealId: string | null;
  ownerId: string | null;
  occurredAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoDataset {
  accounts: DemoAccount[];
  contacts: DemoContact[];
  deals: DemoDeal[];
  stageChanges: DemoStageChange[];
  dealContacts: DemoDealContact[];
  activities: DemoActivity[];
}
