import type { ValueCount } from '@baken/core/scoring/icp';
import type { Icp } from '@baken/core/scoring/icp.schema';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { accountFitSql, type CustomTypes, registerCriteria, registerFitSql } from './icp-sql.ts';

export async function findIcp(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('icpProfiles')
    .select(['profile', 'updatedAt'])
    .where('workspaceId', '=', workspaceId)
    .executeTakeFirst();
}

export async function saveIcp(
  db: Kysely<DB>,
  row: { workspaceId: string; profile: Icp; updatedAt: Date; updatedBy: string | null },
): Promise<void> {
  const values = { ...row, profile: JSON.stringify(row.profile) };
  await db
    .insertInto('icpProfiles')
    .values(values)
    .onConflict((conflict) =>
      conflict
        .column('workspaceId')
        .doUpdateSet({ profile: values.profile, updatedAt: values.updatedAt, updatedBy: values.updatedBy }),
    )
    .execute();
}

export async function accountCustomTypes(db: Kysely<DB>, workspaceId: string): Promise<CustomTypes> {
  const rows = await db
    .selectFrom('customFieldDefinitions')
    .select(['key', 'type'])
    .where('workspaceId', '=', workspaceId)
    .where('recordType', '=', 'account')
    .execute();
  return new Map(rows.map((row) => [row.key, row.type]));
}

/**
 * Scores the workspace's companies against the profile in one statement: all of them, or only those
 * whose score went stale; writes only scores that changed. Answers how many rows were written.
 */
export async function rescoreAccounts(
  db: Kysely<DB>,
  workspaceId: string,
  icp: Icp,
  custom: CustomTypes,
  now: Date,
  which: 'all' | 'stale',
): Promise<number> {
  const stale =
    which === 'stale'
      ? sql`and a.id in (select account_id from account_fit_scores
          where workspace_id = ${workspaceId} and score is null)`
      : sql``;
  const result = await sql`
    insert into account_fit_scores (workspace_id, account_id, score, scored_at)
    select ${workspaceId}, a.id, ${accountFitSql(icp.criteria, custom)}, ${now}::timestamptz
    from accounts a where a.workspace_id = ${workspaceId} ${stale}
    on conflict (workspace_id, account_id) do update set score = excluded.score, scored_at = excluded.scored_at
      where account_fit_scores.score is distinct from excluded.score`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Workspaces with companies whose fit is waiting to be scored again. */
export async function workspacesWithStaleFit(db: Kysely<DB>): Promise<string[]> {
  const rows = await sql<{ workspaceId: string }>`
    select distinct workspace_id from account_fit_scores where score is null`.execute(db);
  return rows.rows.map((row) => row.workspaceId);
}

/**
 * For the data-driven profile: how often each attribute value (industry section, size band, country,
 * technology) occurs among all companies and among the best customers: the top quarter of the
 * companies with won deals by lifetime value (the sum of their won deals).
 */
export async function attributeCounts(db: Kysely<DB>, workspaceId: string) {
  const ws = workspaceId;
  const counts = await sql<ValueCount>`
    with won as (
      select d.account_id, sum(d.amount) as value
      from deals d join stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id and s.kind = 'won'
      where d.workspace_id = ${ws} and d.account_id is not null
      group by d.account_id
    ), ranked as (
      select account_id, ntile(4) over (order by value desc, account_id) as quarter from won
    ), attributes as (
      select a.id, 'industry' as field, left(a.industry_code, 2) as value
      from accounts a where a.workspace_id = ${ws} and a.industry_code is not null
      union all
      select a.id, 'size', case when a.employee_count < 10 then '1-9' when a.employee_count < 50 then '10-49'
        when a.employee_count < 250 then '50-249' else '250+' end
      from accounts a where a.workspace_id = ${ws} and a.employee_count is not null
      union all
      select a.id, 'country', a.country::text from accounts a where a.workspace_id = ${ws} and a.country is not null
      union all
      select distinct a.id, 'technologies', t.value
      from accounts a cross join unnest(a.technologies) as t(value) where a.workspace_id = ${ws}
    )
    select t.field, t.value, count(*)::int as all, (count(*) filter (where r.quarter = 1))::int as best
    from attributes t left join ranked r on r.account_id = t.id
    group by t.field, t.value`.execute(db);
  const totals = await sql<{ all: number; customers: number; best: number }>`
    select (select count(*) from accounts where workspace_id = ${ws})::int as all,
      count(*)::int as customers, (count(*) filter (where quarter = 1))::int as best
    from (
      select ntile(4) over (order by sum(d.amount) desc, d.account_id) as quarter
      from deals d join stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id and s.kind = 'won'
      where d.workspace_id = ${ws} and d.account_id is not null
      group by d.account_id
    ) w`.execute(db);
  return { counts: counts.rows, totals: totals.rows[0] ?? { all: 0, customers: 0, best: 0 } };
}

/** The average won deal (cents), what one more matching customer is estimated to be worth. */
export async function averageWonDeal(db: Kysely<DB>, workspaceId: string): Promise<number> {
  const row = await sql<{ average: number | null }>`
    select avg(d.amount)::float8 as average
    from deals d join stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id and s.kind = 'won'
    where d.workspace_id = ${workspaceId}`.execute(db);
  return Math.round(row.rows[0]?.average ?? 0);
}

/** Matching companies in the workspace per industry section (first two digits of the SBI code). */
export async function matchingAccountsBySegment(db: Kysely<DB>, workspaceId: string, threshold: number) {
  return sql<{ segment: string | null; count: number }>`
    select left(a.industry_code, 2) as segment, count(*)::int as count
    from account_fit_scores f
    join accounts a on a.workspace_id = f.workspace_id and a.id = f.account_id
    where f.workspace_id = ${workspaceId} and f.score >= ${threshold}
    group by 1`
    .execute(db)
    .then((result) => result.rows);
}

/** Companies of the register that match the profile, per industry section. */
export async function matchingRegisterBySegment(db: Kysely<DB>, icp: Icp) {
  if (registerCriteria(icp.criteria).length === 0) return [];
  return sql<{ segment: string | null; count: number }>`
    select left(r.fields->>'industryCode', 2) as segment, count(*)::int as count
    from company_register r
    where ${registerFitSql(icp.criteria)} >= ${icp.fitThreshold}
    group by 1`
    .execute(db)
    .then((result) => result.rows);
}

export async function registerSize(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('companyRegister')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface ProspectPage {
  sort: 'fit' | 'engagement';
  limit: number;
  after?: { value: number; id: string };
}

/**
 * Prospects: companies matching the profile that are not customers, partners or competitors, have
 * no open deal and never bought (no won deal), best fit (or most engaged people) first, one keyset
 * page at a time.
 */
export async function prospects(db: Kysely<DB>, workspaceId: string, threshold: number, page: ProspectPage) {
  const ws = workspaceId;
  const key = page.sort === 'fit' ? sql.raw('p.fit') : sql.raw('p.engagement');
  const after = page.after
    ? sql`and (${key} < ${page.after.value} or (${key} = ${page.after.value} and p.id > ${page.after.id}::uuid))`
    : sql``;
  return sql<{
    id: string;
    name: string;
    city: string | null;
    industryCode: string | null;
    employeeCount: number | null;
    ownerId: string | null;
    fit: number;
    engagement: number;
  }>`
    select p.* from (
      select a.id, a.name, a.city, a.industry_code, a.employee_count, a.owner_id, f.score::int as fit,
        coalesce((select sum(cs.engagement) from contacts c
          join contact_scores cs on cs.workspace_id = c.workspace_id and cs.contact_id = c.id
          where c.workspace_id = ${ws} and c.account_id = a.id), 0)::float8 as engagement
      from account_fit_scores f
      join accounts a on a.workspace_id = f.workspace_id and a.id = f.account_id
      where f.workspace_id = ${ws} and f.score >= ${threshold}
        and a.customer_status not in ('customer', 'partner', 'competitor')
        and not exists (
          select 1 from deals d join stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id
          where d.workspace_id = ${ws} and d.account_id = a.id and s.kind in ('open', 'won'))
    ) p
    where true ${after}
    order by ${key} desc, p.id
    limit ${page.limit}`
    .execute(db)
    .then((result) => result.rows);
}
