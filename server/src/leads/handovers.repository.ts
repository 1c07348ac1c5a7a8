import type { LeadRouting, RejectReason } from '@baken/core/leads/handover.schema';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

export async function findRouting(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('leadRouting')
    .select(['settings', 'updatedAt'])
    .where('workspaceId', '=', workspaceId)
    .executeTakeFirst();
}

export async function saveRouting(
  db: Kysely<DB>,
  row: { workspaceId: string; settings: LeadRouting; updatedAt: Date; updatedBy: string | null },
): Promise<void> {
  const values = { ...row, settings: JSON.stringify(row.settings) };
  await db
    .insertInto('leadRouting')
    .values(values)
    .onConflict((conflict) =>
      conflict.column('workspaceId').doUpdateSet({
        settings: values.settings,
        updatedAt: values.updatedAt,
        updatedBy: values.updatedBy,
      }),
    )
    .execute();
}

export interface HandoverFilter {
  id?: string;
  status?: 'pending' | 'accepted' | 'rejected';
  ownerId?: string;
  breached?: boolean;
  after?: { mqlAt: Date; id: string };
  limit: number;
}

/** Handovers newest MQL first, with the contact's name, company and score, one page at a time. */
export async function listHandovers(db: Kysely<DB>, workspaceId: string, filter: HandoverFilter) {
  let query = db
    .selectFrom('leadHandovers as h')
    .innerJoin('contacts as c', (join) =>
      join.onRef('c.workspaceId', '=', 'h.workspaceId').onRef('c.id', '=', 'h.contactId'),
    )
    .leftJoin('accounts as a', (join) =>
      join.onRef('a.workspaceId', '=', 'c.workspaceId').onRef('a.id', '=', 'c.accountId'),
    )
    .leftJoin('contactScores as s', (join) =>
      join.onRef('s.workspaceId', '=', 'h.workspaceId').onRef('s.contactId', '=', 'h.contactId'),
    )
    .select([
      'h.id',
      'h.contactId',
      'c.firstName',
      'c.lastName',
      'c.email',
      'a.name as accountName',
      'h.source',
      'h.routedTo',
      'h.routedBy',
      'h.status',
      'h.reason',
      'h.note',
      'h.mqlAt',
      'h.dueAt',
      'h.firstTouchAt',
      'h.breachedAt',
      'h.decidedAt',
      sql<number | null>`s.total::float8`.as('score'),
    ])
    .where('h.workspaceId', '=', workspaceId);
  if (filter.id) query = query.where('h.id', '=', filter.id);
  if (filter.status) query = query.where('h.status', '=', filter.status);
  if (filter.ownerId) query = query.where('h.routedTo', '=', filter.ownerId);
  if (filter.breached !== undefined)
    query = query.where('h.breachedAt', filter.breached ? 'is not' : 'is', null);
  if (filter.after) {
    const { mqlAt, id } = filter.after;
    query = query.where(sql<boolean>`(h.mql_at, h.id) < (${mqlAt}::timestamptz, ${id}::uuid)`);
  }
  return query.orderBy('h.mqlAt', 'desc').orderBy('h.id', 'desc').limit(filter.limit).execute();
}

export async function findHandover(db: Kysely<DB>, workspaceId: string, id: string) {
  return db
    .selectFrom('leadHandovers')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Records sales' answer and moves the contact on: accepted is SQL, rejected is disqualified (out of
 * the score's reach until someone makes it a lead again). The answer counts as the first touch when
 * nothing came before it.
 */
export async function decideHandover(
  db: Kysely<DB>,
  workspaceId: string,
  handover: { id: string; contactId: string },
  decision: {
    status: 'accepted' | 'rejected';
    reason: RejectReason | null;
    note: string | null;
    at: Date;
    by: string | null;
  },
): Promise<void> {
  await db
    .updateTable('leadHandovers')
    .set({
      status: decision.status,
      reason: decision.reason,
      note: decision.note,
      decidedAt: decision.at,
      decidedBy: decision.by,
      firstTouchAt: sql`coalesce(first_touch_at, ${decision.at}::timestamptz)`,
    })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', handover.id)
    .execute();
  await db
    .updateTable('contacts')
    .set({ lifecycleStage: decision.status === 'accepted' ? 'sql' : 'disqualified', updatedAt: decision.at })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', handover.contactId)
    .execute();
}
