import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

const columns = ['id', 'userId', 'unit', 'periodStart', 'amount', 'updatedAt'] as const;

export async function listQuotas(db: Kysely<DB>, workspaceId: string, from?: string, to?: string) {
  let query = db.selectFrom('quotas').select(columns).where('workspaceId', '=', workspaceId);
  if (from) query = query.where('periodStart', '>=', from);
  if (to) query = query.where('periodStart', '<=', to);
  return query.orderBy('periodStart').orderBy('userId').execute();
}

export async function findQuota(db: Kysely<DB>, workspaceId: string, id: string) {
  return db
    .selectFrom('quotas')
    .select(columns)
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Sets each quota: a new row, or the amount of the one already set for that person and period. */
export async function upsertQuota(
  db: Kysely<DB>,
  quota: {
    workspaceId: string;
    id: string;
    userId: string | null;
    unit: 'month' | 'quarter';
    periodStart: string;
    amount: number;
    updatedAt: Date;
  },
) {
  const { rows } = await sql<{ id: string }>`
    insert into quotas (workspace_id, id, user_id, unit, period_start, amount, updated_at)
    values (${quota.workspaceId}, ${quota.id}, ${quota.userId}, ${quota.unit}, ${quota.periodStart}::date,
      ${quota.amount}, ${quota.updatedAt})
    on conflict (workspace_id, coalesce(user_id, '00000000-0000-0000-0000-000000000000'), unit, period_start)
    do update set amount = excluded.amount, updated_at = excluded.updated_at
    returning id`.execute(db);
  return rows[0]!.id;
}

export async function deleteQuota(db: Kysely<DB>, workspaceId: string, id: string) {
  await db.deleteFrom('quotas').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}

/**
 * Per owner in the workspace's currency: deals won in the period (by close date) and open deals
 * expected to close in it, and the whole workspace's totals in one more row (`everyone`).
 */
export async function wonAndOpenByOwner(
  db: Kysely<DB>,
  filter: { workspaceId: string; currency: string; start: string; end: string },
) {
  const { rows } = await sql<{ userId: string | null; everyone: boolean; won: number; open: number }>`
    select d.owner_id as user_id, grouping(d.owner_id) = 1 as everyone,
      coalesce(sum(d.amount) filter (where s.kind = 'won'
        and d.actual_close_date between ${filter.start}::date and ${filter.end}::date), 0)::float8 as won,
      coalesce(sum(d.amount) filter (where s.kind = 'open'
        and d.expected_close_date between ${filter.start}::date and ${filter.end}::date), 0)::float8 as open
    from deals d
    join stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id
    where d.workspace_id = ${filter.workspaceId} and d.currency = ${filter.currency}
    group by grouping sets ((d.owner_id), ())`.execute(db);
  return rows;
}
