import { type BenchPlan, type CellValue, daysBefore, TABLE, type TableRows } from './bench-plan.ts';
import { accountOfContact } from './contact-rows.ts';
import { benchId, rowRandom, skewedIndex } from './row-random.ts';

const columns = [
  'workspace_id',
  'id',
  'type',
  'subject',
  'direction',
  'due_at',
  'done_at',
  'duration_minutes',
  'contact_id',
  'account_id',
  'deal_id',
  'owner_id',
  'occurred_at',
  'created_at',
  'updated_at',
] as const;

const kinds = [
  ['email', 40],
  ['call', 25],
  ['meeting', 12],
  ['task', 12],
  ['note', 8],
  ['visit', 3],
] as const;
const subjects: Record<string, readonly string[]> = {
  email: ['Offerte nagestuurd', 'Vraag over levertijd', 'Bevestiging afspraak', 'Nieuwsbrief gereageerd'],
  call: ['Kennismakingsgesprek', 'Opvolging offerte', 'Terugbelverzoek', 'Prijsonderhandeling'],
  meeting: ['Demo op locatie', 'Kwartaalgesprek', 'Contractbespreking'],
  task: ['Offerte opstellen', 'Referentie opvragen', 'Contract versturen'],
  note: ['Notitie na gesprek', 'Interne afstemming'],
  visit: ['Bedrijfsbezoek', 'Beursbezoek'],
};

/**
 * Activities hang off a contact picked with the same skew as accounts, so the busiest accounts also
 * have the busiest timelines; a fifth also name a deal. A tenth are open tasks or calls still due.
 */
export function activityRow(plan: BenchPlan, index: number): CellValue[] {
  const random = rowRandom(plan.seed, TABLE.activities, index);
  const contact = skewedIndex(random, plan.size.contacts);
  const type = random.weighted(kinds);
  const daysAgo = random.next() * 900 - 30;
  const planned = daysAgo < 0 || random.chance(0.05);
  const occurredAt = daysBefore(daysAgo);
  return [
    plan.workspaceId,
    benchId(TABLE.activities, index),
    type,
    random.pick(subjects[type]!),
    type === 'email' || type === 'call' ? (random.chance(0.6) ? 'outbound' : 'inbound') : null,
    planned ? occurredAt : null,
    planned ? null : occurredAt,
    type === 'meeting' || type === 'call' || type === 'visit' ? random.int(5, 90) : null,
    benchId(TABLE.contacts, contact),
    benchId(TABLE.accounts, accountOfContact(plan, contact)),
    random.chance(0.2) ? benchId(TABLE.deals, random.int(0, plan.size.deals - 1)) : null,
    random.pick(plan.ownerIds),
    occurredAt,
    daysBefore(Math.max(daysAgo, 0)),
    daysBefore(Math.max(daysAgo, 0)),
  ];
}

export function activityRows(plan: BenchPlan): TableRows {
  return {
    table: 'activities',
    columns,
    count: plan.size.activities,
    rows: function* () {
      for (let index = 0; index < plan.size.activities; index++) yield activityRow(plan, index);
    },
  };
}
