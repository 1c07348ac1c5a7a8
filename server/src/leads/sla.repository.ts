import type { LeadRouting } from '@baken/core/leads/handover.schema';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/** Handovers whose first-touch deadline is still to be worked out, with their workspace's rules. */
export async function undatedHandovers(db: Kysely<DB>, limit: number) {
  return sql<{ workspaceId: string; id: string; mqlAt: Date; settings: LeadRouting | null }>`
    select h.workspace_id, h.id, h.mql_at, r.settings
    from lead_handovers h
    left join lead_routing r on r.workspace_id = h.workspace_id
    where h.due_at is null
    limit ${limit}`
    .execute(db)
    .then((result) => result.rows);
}

export async function setDueDates(
  db: Kysely<DB>,
  due: { workspaceId: string; id: string; dueAt: Date }[],
): Promise<void> {
  if (due.length === 0) return;
  await sql`
    update lead_handovers h set due_at = d.due_at
    from unnest(${due.map((row) => row.workspaceId)}::uuid[], ${due.map((row) => row.id)}::uuid[],
      ${due.map((row) => row.dueAt.toISOString())}::timestamptz[]) as d(workspace_id, id, due_at)
    where h.workspace_id = d.workspace_id and h.id = d.id`.execute(db);
}

/**
 * Notes the first call, email, meeting or visit logged on each unsettled handover's contact since it
 * became MQL (up to `now`), settles those touched in time, then marks as breached, at their
 * deadline, those whose deadline has passed without. Answers the newly breached ones.
 */
export async function settleDeadlines(db: Kysely<DB>, now: Date) {
  await sql`
    update lead_handovers h set first_touch_at = least(h.first_touch_at, t.first_touch)
    from (
      select u.workspace_id, u.id, min(a.created_at) as first_touch
      from lead_handovers u
      join activities a on a.workspace_id = u.workspace_id and a.contact_id = u.contact_id
        and a.type in ('call', 'email', 'meeting', 'visit')
        and a.created_at >= u.mql_at and a.created_at <= ${now}::timestamptz
      where not u.settled and u.due_at is not null
      group by u.workspace_id, u.id
    ) t
    where h.workspace_id = t.workspace_id and h.id = t.id`.execute(db);
  await sql`
    update lead_handovers set settled = true
    where not settled and due_at is not null and first_touch_at <= due_at`.execute(db);
  return sql<{
    workspaceId: string;
    id: string;
    contactId: string;
    routedTo: string | null;
    dueAt: Date;
    name: string;
  }>`
    update lead_handovers h set breached_at = h.due_at, settled = true
    from contacts c
    where c.workspace_id = h.workspace_id and c.id = h.contact_id
      and not h.settled and h.due_at <= ${now}::timestamptz
    returning h.workspace_id, h.id, h.contact_id, h.routed_to, h.due_at,
      coalesce(nullif(concat_ws(' ', c.first_name, c.last_name), ''), c.email, '') as name`
    .execute(db)
    .then((result) => result.rows);
}
