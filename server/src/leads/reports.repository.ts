import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/** The owners of each given workspace: who hears of what has nobody else to tell. */
export async function workspaceOwners(db: Kysely<DB>, workspaceIds: string[]) {
  const owners = new Map<string, string[]>();
  if (workspaceIds.length === 0) return owners;
  const rows = await db
    .selectFrom('memberships')
    .select(['workspaceId', 'userId'])
    .where('workspaceId', 'in', workspaceIds)
    .where('role', '=', 'owner')
    .execute();
  for (const row of rows) owners.set(row.workspaceId, [...(owners.get(row.workspaceId) ?? []), row.userId]);
  return owners;
}

export interface Period {
  from: Date;
  to: Date;
}

/**
 * Marketing's lead quality by source for MQLs of the period: how many sales accepted, rejected or
 * left waiting, and how many accepted ones became customers since.
 */
export async function leadQualityBySource(db: Kysely<DB>, workspaceId: string, period: Period) {
  return sql<{
    source: string | null;
    mqls: number;
    accepted: number;
    rejected: number;
    pending: number;
    won: number;
  }>`
    select h.source,
      count(*)::int as mqls,
      (count(*) filter (where h.status = 'accepted'))::int as accepted,
      (count(*) filter (where h.status = 'rejected'))::int as rejected,
      (count(*) filter (where h.status = 'pending'))::int as pending,
      (count(*) filter (where h.status = 'accepted' and exists (
        select 1 from lifecycle_changes l
        where l.workspace_id = h.workspace_id and l.contact_id = h.contact_id
          and l.to_stage = 'customer' and l.changed_at >= h.mql_at)))::int as won
    from lead_handovers h
    where h.workspace_id = ${workspaceId} and h.mql_at >= ${period.from} and h.mql_at < ${period.to}
    group by h.source
    order by count(*) desc, h.source nulls last`
    .execute(db)
    .then((result) => result.rows);
}

export async function rejectionsBySource(db: Kysely<DB>, workspaceId: string, period: Period) {
  return sql<{ source: string | null; reason: string; count: number }>`
    select h.source, h.reason, count(*)::int as count
    from lead_handovers h
    where h.workspace_id = ${workspaceId} and h.status = 'rejected'
      and h.mql_at >= ${period.from} and h.mql_at < ${period.to}
    group by h.source, h.reason`
    .execute(db)
    .then((result) => result.rows);
}

/** First-touch deadlines that fell in the period (and have passed), and how many were breached. */
export async function breachesByRep(db: Kysely<DB>, workspaceId: string, period: Period) {
  return sql<{ userId: string | null; due: number; breached: number }>`
    select h.routed_to as user_id, count(*)::int as due, count(h.breached_at)::int as breached
    from lead_handovers h
    where h.workspace_id = ${workspaceId} and h.due_at >= ${period.from} and h.due_at < ${period.to}
      and h.settled
    group by h.routed_to
    order by count(h.breached_at) desc, count(*) desc`
    .execute(db)
    .then((result) => result.rows);
}

/** Per calendar month (in the workspace's time zone): MQLs made and first-touch deadlines kept. */
export async function monthlyServiceLevels(
  db: Kysely<DB>,
  workspaceId: string,
  timeZone: string,
  period: Period,
) {
  return sql<{ month: string; mqls: number; due: number; breached: number }>`
    with months as (
      select to_char(date_trunc('month', h.mql_at at time zone ${timeZone}), 'YYYY-MM') as month,
        1 as mql, 0 as due, 0 as breached
      from lead_handovers h
      where h.workspace_id = ${workspaceId} and h.mql_at >= ${period.from} and h.mql_at < ${period.to}
      union all
      select to_char(date_trunc('month', h.due_at at time zone ${timeZone}), 'YYYY-MM'),
        0, 1, case when h.breached_at is null then 0 else 1 end
      from lead_handovers h
      where h.workspace_id = ${workspaceId} and h.due_at >= ${period.from} and h.due_at < ${period.to}
        and h.settled
    )
    select month, sum(mql)::int as mqls, sum(due)::int as due, sum(breached)::int as breached
    from months group by month order by month`
    .execute(db)
    .then((result) => result.rows);
}

/** Leads still waiting for their owner whose deadline has passed untouched. */
export async function openBreachCount(db: Kysely<DB>, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('leadHandovers')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('workspaceId', '=', workspaceId)
    .where('breachedAt', 'is not', null)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
