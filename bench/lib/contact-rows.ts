import { lifecycleStages } from '@baken/core/contacts/contact.schema';
import { firstNames, lastNames } from '@baken/core/demo/demo-names';
import { emailLocalPart, mobile } from '@baken/core/demo/identifiers';
import { accountDomain } from './account-rows.ts';
import { type BenchPlan, type CellValue, daysBefore, TABLE, type TableRows } from './bench-plan.ts';
import { benchId, rowRandom, skewedIndex } from './row-random.ts';

const columns = [
  'workspace_id',
  'id',
  'first_name',
  'last_name',
  'email',
  'mobile',
  'job_title',
  'account_id',
  'lifecycle_stage',
  'lead_source',
  'owner_id',
  'marketing_consent',
  'created_at',
  'updated_at',
] as const;

const jobTitles = [
  'Directeur',
  'Algemeen directeur',
  'Inkoper',
  'Hoofd inkoop',
  'Financieel manager',
  'Office manager',
  'Operationeel manager',
  'IT-manager',
  'Projectleider',
  'Zaakvoerder',
  'Commercieel directeur',
  'HR-adviseur',
];
const leadSources = ['website', 'referral', 'event', 'cold_call', 'linkedin', 'import', 'partner'];
const stageWeights = lifecycleStages.map((stage, position) => [stage, 8 - position] as const);
const consents = [
  ['unknown', 60],
  ['granted', 30],
  ['denied', 7],
  ['withdrawn', 3],
] as const;

/** Which account contact `index` works at: the same answer for contacts and their activities. */
export function accountOfContact(plan: BenchPlan, index: number): number {
  return skewedIndex(rowRandom(plan.seed, TABLE.contacts + 100, index), plan.size.accounts);
}

export function contactRow(plan: BenchPlan, index: number): CellValue[] {
  const random = rowRandom(plan.seed, TABLE.contacts, index);
  const account = accountOfContact(plan, index);
  const domain = accountDomain(plan, account);
  const country = domain.endsWith('.be') ? 'BE' : 'NL';
  const firstName = random.pick(firstNames[country]);
  const lastName = random.pick(lastNames[country]);
  const createdDaysAgo = random.next() * 1400;
  return [
    plan.workspaceId,
    benchId(TABLE.contacts, index),
    firstName,
    lastName,
    // The index keeps addresses unique: namesakes at one company are common at this size.
    `${emailLocalPart(firstName, lastName)}.${index.toString(36)}@${domain}`,
    mobile(random, country),
    random.pick(jobTitles),
    benchId(TABLE.accounts, account),
    random.weighted(stageWeights),
    random.pick(leadSources),
    random.pick(plan.ownerIds),
    random.weighted(consents),
    daysBefore(createdDaysAgo),
    daysBefore(createdDaysAgo * random.next()),
  ];
}

export function contactRows(plan: BenchPlan): TableRows {
  return {
    table: 'contacts',
    columns,
    count: plan.size.contacts,
    rows: function* () {
      for (let index = 0; index < plan.size.contacts; index++) yield contactRow(plan, index);
    },
  };
}
