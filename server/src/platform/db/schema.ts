// Row types of the tables in server/migrations, as Kysely sees them (camelCase via CamelCasePlugin).
import type { Reason } from '@baken/core/duplicates/duplicate-score';
import type { LeadRouting, RejectReason } from '@baken/core/leads/handover.schema';
import type { LifecycleStage, lifecycleRules } from '@baken/core/lifecycle/lifecycle';
import type { ListView, SavedViewList } from '@baken/core/saved-views/saved-view.schema';
import type { Icp } from '@baken/core/scoring/icp.schema';
import type { ScoringModel } from '@baken/core/scoring/lead-score';
import type { PredictiveModel } from '@baken/core/scoring/predictive';
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Custom = JSONColumnType<Record<string, unknown>, string, string>;
type GeneratedText = ColumnType<string, never, never>;

export interface WorkspaceTable {
  id: string;
  name: string;
  timeZone: Defaulted<string>;
  currency: Defaulted<string>;
  locale: Defaulted<string>;
  defaultCountry: Defaulted<string>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  locale: Defaulted<string>;
  timeZone: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface MembershipTable {
  workspaceId: string;
  userId: string;
  role: string;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface SessionTable {
  workspaceId: string;
  id: string;
  userId: string;
  tokenHash: Buffer;
  csrfToken: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: CreatedAt;
  expiresAt: Timestamp;
}

export interface ApiTokenTable {
  workspaceId: string;
  id: string;
  userId: string;
  name: string;
  tokenHash: Buffer;
  scope: string;
  createdAt: CreatedAt;
  lastUsedAt: Timestamp | null;
  revokedAt: Timestamp | null;
}

export interface InvitationTable {
  workspaceId: string;
  id: string;
  email: string;
  role: string;
  tokenHash: Buffer;
  invitedBy: string | null;
  createdAt: CreatedAt;
  expiresAt: Timestamp;
  acceptedAt: Timestamp | null;
  acceptedBy: string | null;
  revokedAt: Timestamp | null;
}

export interface AuditLogTable {
  workspaceId: string;
  id: string;
  at: Timestamp;
  actorUserId: string | null;
  actorTokenId: string | null;
  action: 'create' | 'update' | 'delete';
  entityType: string;
  entityId: string;
  changes: JSONColumnType<Record<string, unknown>, string, string>;
}

export interface TagTable {
  workspaceId: string;
  id: string;
  name: string;
  color: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface SavedViewTable {
  workspaceId: string;
  id: string;
  userId: string;
  list: SavedViewList;
  name: string;
  view: JSONColumnType<ListView, string, string>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface CustomFieldDefinitionTable {
  workspaceId: string;
  id: string;
  recordType: string;
  key: string;
  label: string;
  type: string;
  options: Defaulted<string[]>;
  required: Defaulted<boolean>;
  position: Defaulted<number>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface AccountTable {
  workspaceId: string;
  id: string;
  name: string;
  domain: string | null;
  website: string | null;
  phone: string | null;
  email: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
  kvkNumber: string | null;
  vatNumber: string | null;
  industryCode: string | null;
  employeeCount: number | null;
  annualRevenue: number | null;
  foundedYear: number | null;
  technologies: Defaulted<string[]>;
  customerStatus: Defaulted<string>;
  ownerId: string | null;
  description: string | null;
  tags: Defaulted<string[]>;
  custom: Custom;
  externalId: Defaulted<string | null>;
  searchText: GeneratedText;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface ContactTable {
  workspaceId: string;
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  jobTitle: string | null;
  persona: string | null;
  accountId: string | null;
  lifecycleStage: Defaulted<string>;
  leadSource: string | null;
  ownerId: string | null;
  marketingConsent: Defaulted<string>;
  consentAt: Timestamp | null;
  consentSource: string | null;
  tags: Defaulted<string[]>;
  custom: Custom;
  externalId: Defaulted<string | null>;
  searchText: GeneratedText;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface PipelineTable {
  workspaceId: string;
  id: string;
  name: string;
  position: Defaulted<number>;
  isDefault: Defaulted<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface StageTable {
  workspaceId: string;
  id: string;
  pipelineId: string;
  name: string;
  position: number;
  probability: number;
  kind: Defaulted<'open' | 'won' | 'lost'>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface DealTable {
  workspaceId: string;
  id: string;
  name: string;
  accountId: string | null;
  pipelineId: string;
  stageId: string;
  amount: Defaulted<number>;
  currency: Defaulted<string>;
  recurringAmount: Defaulted<number>;
  expectedCloseDate: DateOnly | null;
  actualCloseDate: DateOnly | null;
  probability: number;
  forecastCategory: Defaulted<string>;
  ownerId: string | null;
  lostReason: string | null;
  source: string | null;
  sdrId: Defaulted<string | null>;
  stageEnteredAt: Timestamp;
  tags: Defaulted<string[]>;
  custom: Custom;
  searchText: GeneratedText;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface DealStageChangeTable {
  workspaceId: string;
  id: string;
  dealId: string;
  fromStageId: string | null;
  toStageId: string;
  changedAt: Timestamp;
  changedBy: string | null;
}

export interface LifecycleChangeTable {
  workspaceId: string;
  id: Generated<string>;
  contactId: string;
  fromStage: LifecycleStage | null;
  toStage: LifecycleStage;
  cause: 'user' | 'import' | 'rule' | 'workflow';
  rule: (typeof lifecycleRules)[number] | null;
  changedAt: Timestamp;
}

export interface ScoringModelTable {
  workspaceId: string;
  model: JSONColumnType<ScoringModel, string, string>;
  updatedAt: Timestamp;
  updatedBy: string | null;
}

export interface ContactEventTable {
  workspaceId: string;
  id: string;
  contactId: string;
  type: string;
  path: string | null;
  occurredAt: Timestamp;
}

export interface ContactScoreTable {
  workspaceId: string;
  contactId: string;
  fit: number;
  engagement: number;
  total: number;
  scoredAt: Timestamp;
}

export interface DealContactTable {
  workspaceId: string;
  dealId: string;
  contactId: string;
  role: string | null;
  createdAt: CreatedAt;
}

export interface ActivityTable {
  workspaceId: string;
  id: string;
  type: string;
  subject: string | null;
  body: string | null;
  direction: string | null;
  outcome: string | null;
  dueAt: Timestamp | null;
  doneAt: Timestamp | null;
  durationMinutes: number | null;
  contactId: string | null;
  accountId: string | null;
  dealId: string | null;
  ownerId: string | null;
  custom: Custom;
  occurredAt: Timestamp;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface ImportTable {
  workspaceId: string;
  id: string;
  createdBy: string | null;
  recordType: 'contact' | 'account';
  status: 'uploaded' | 'checking' | 'checked' | 'queued' | 'running' | 'completed' | 'failed' | 'undone';
  fileName: string;
  fileSize: number;
  fileFormat: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  sample: JSONColumnType<string[][], string, string>;
  totalRows: number;
  mapping: JSONColumnType<unknown[], string, string>;
  options: JSONColumnType<Record<string, unknown>, string, string>;
  rowsDone: Defaulted<number>;
  createdCount: Defaulted<number>;
  updatedCount: Defaulted<number>;
  unchangedCount: Defaulted<number>;
  failedCount: Defaulted<number>;
  checkResult: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  error: string | null;
  startedAt: Timestamp | null;
  finishedAt: Timestamp | null;
  undoneAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface ImportFileChunkTable {
  workspaceId: string;
  importId: string;
  seq: number;
  data: Buffer;
}

export interface ImportRecordTable {
  workspaceId: string;
  importId: string;
  recordType: 'contact' | 'account';
  recordId: string;
  rowNumber: number;
  action: 'created' | 'updated';
  before: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  writtenAt: Timestamp;
}

export interface ImportFailureTable {
  workspaceId: string;
  importId: string;
  rowNumber: number;
  reason: string;
  cells: string[];
}

/** Where the current value of an account field came from (enrichment provenance). */
export interface AccountFieldSourceTable {
  workspaceId: string;
  accountId: string;
  field: string;
  setBy: 'user' | 'provider';
  source: string;
  value: ColumnType<unknown, string, string>;
  fetchedAt: Timestamp;
  userId: string | null;
}

/** The loaded version of the operator's company register file (global). */
export interface CompanyRegisterFileTable {
  path: string;
  size: number;
  modifiedAt: Timestamp;
  loadedAt: Timestamp;
  rowCount: number;
}

/** One row of the operator's company register (global reference data). */
export interface CompanyRegisterTable {
  line: number;
  kvkNumber: string | null;
  domain: string | null;
  fields: JSONColumnType<Record<string, string>, string, string>;
}

/** Distinct full-text words of a workspace's records per type: the typo fallback's dictionary (filled by triggers). */
export interface SearchWordTable {
  workspaceId: string;
  recordType: 'account' | 'contact' | 'deal';
  word: string;
}

/** Two records a duplicate scan found alike (lower id first), and what became of them. */
export interface DuplicatePairTable {
  workspaceId: string;
  id: string;
  recordType: 'contact' | 'account';
  recordA: string;
  recordB: string;
  score: number;
  reasons: JSONColumnType<Reason[], string, string>;
  exact: boolean;
  status: Defaulted<'open' | 'merged' | 'dismissed'>;
  mergeId: string | null;
  scanId: string | null;
  foundAt: Timestamp;
  updatedAt: Timestamp;
  resolvedBy: string | null;
}

export interface DuplicateScanTable {
  workspaceId: string;
  id: string;
  recordTypes: ('contact' | 'account')[];
  status: 'queued' | 'running' | 'done' | 'failed';
  phase: string | null;
  pairsFound: number | null;
  error: string | null;
  requestedBy: string | null;
  startedAt: Timestamp;
  finishedAt: Timestamp | null;
}

/** A merge of two records, with both rows as they were and what it moved, for undo. */
export interface MergeTable {
  workspaceId: string;
  id: string;
  recordType: 'contact' | 'account';
  survivorId: string;
  mergedId: string;
  survivorBefore: JSONColumnType<Record<string, unknown>, string, string>;
  mergedBefore: JSONColumnType<Record<string, unknown>, string, string>;
  survivorAfterUpdatedAt: Timestamp;
  moved: JSONColumnType<Record<string, unknown>, string, string>;
  status: Defaulted<'done' | 'undone'>;
  mergedAt: Timestamp;
  mergedBy: string | null;
  undoneAt: Timestamp | null;
  undoneBy: string | null;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  appliedAt: Generated<Date>;
}

export interface LeadRoutingTable {
  workspaceId: string;
  settings: JSONColumnType<LeadRouting, string, string>;
  nextTurn: Defaulted<number>;
  aeNextTurn: Defaulted<number>;
  updatedAt: Timestamp;
  updatedBy: string | null;
}

export interface LeadHandoverTable {
  workspaceId: string;
  id: Generated<string>;
  contactId: string;
  routedTo: string | null;
  routedBy: 'round_robin' | 'territory' | 'account_owner' | 'contact_owner' | 'unrouted';
  source: string | null;
  mqlAt: Timestamp;
  dueAt: Timestamp | null;
  firstTouchAt: Timestamp | null;
  breachedAt: Timestamp | null;
  settled: Defaulted<boolean>;
  status: Defaulted<'pending' | 'accepted' | 'rejected'>;
  reason: RejectReason | null;
  note: string | null;
  decidedAt: Timestamp | null;
  decidedBy: string | null;
}

export interface PredictiveModelTable {
  workspaceId: string;
  model: JSONColumnType<PredictiveModel, string, string>;
  trainedAt: Timestamp;
  trainedBy: string | null;
}

export interface IcpProfileTable {
  workspaceId: string;
  profile: JSONColumnType<Icp, string, string>;
  updatedAt: Timestamp;
  updatedBy: string | null;
}

export interface AccountFitScoreTable {
  workspaceId: string;
  accountId: string;
  score: number | null;
  scoredAt: Timestamp;
}

export interface QuotaTable {
  workspaceId: string;
  id: string;
  userId: string | null;
  unit: 'month' | 'quarter';
  periodStart: DateOnly;
  amount: number;
  updatedAt: Timestamp;
}

export interface NotificationTable {
  workspaceId: string;
  id: Generated<string>;
  userId: string;
  kind: string;
  subject: JSONColumnType<Record<string, unknown>, string, string>;
  createdAt: Timestamp;
  readAt: Timestamp | null;
}

export interface DB {
  workspaces: WorkspaceTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  apiTokens: ApiTokenTable;
  invitations: InvitationTable;
  auditLog: AuditLogTable;
  tags: TagTable;
  savedViews: SavedViewTable;
  customFieldDefinitions: CustomFieldDefinitionTable;
  accounts: AccountTable;
  accountFieldSources: AccountFieldSourceTable;
  companyRegisterFiles: CompanyRegisterFileTable;
  companyRegister: CompanyRegisterTable;
  contacts: ContactTable;
  pipelines: PipelineTable;
  stages: StageTable;
  deals: DealTable;
  dealStageChanges: DealStageChangeTable;
  lifecycleChanges: LifecycleChangeTable;
  scoringModels: ScoringModelTable;
  contactEvents: ContactEventTable;
  contactScores: ContactScoreTable;
  leadRouting: LeadRoutingTable;
  leadHandovers: LeadHandoverTable;
  notifications: NotificationTable;
  predictiveModels: PredictiveModelTable;
  icpProfiles: IcpProfileTable;
  accountFitScores: AccountFitScoreTable;
  quotas: QuotaTable;
  dealContacts: DealContactTable;
  activities: ActivityTable;
  searchWords: SearchWordTable;
  imports: ImportTable;
  importFileChunks: ImportFileChunkTable;
  importRecords: ImportRecordTable;
  importFailures: ImportFailureTable;
  duplicatePairs: DuplicatePairTable;
  duplicateScans: DuplicateScanTable;
  merges: MergeTable;
  schemaMigrations: SchemaMigrationTable;
}
