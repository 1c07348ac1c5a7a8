import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

export type TimelineSubject = 'contact' | 'account' | 'deal';

export interface TimelineRow {
  kind: 'activity' | 'change' | 'stage_change';
  id: string;
  at: Date;
  data: Record<string, unknown>;
}

function activitiesOf(workspaceId: string, subject: TimelineSubject, id: string): RawBuilder<unknown> {
  const scope =
    subject === 'account'
      ? sql`(a.account_id = ${id}
          or a.contact_id in (select c.id from contacts c where c.workspace_id = ${workspaceId} and c.account_id = ${id})
          or a.deal_id in (select d.id from deals d where d.workspace_id = ${workspaceId} and d.account_id = ${id}))`
      : sql`a.${sql.raw(subject === 'contact' ? 'contact_id' : 'deal_id')} = ${id}`;
  return sql`select 'activity' as kind, a.id, a.occurred_at as at,
      jsonb_build_object('type', a.type, 'subject', a.subject, 'body', a.body, 'direction', a.direction,
        'outcome', a.outcome, 'dueAt', a.due_at, 'doneAt', a.done_at, 'contactId', a.contact_id,
        'accountId', a.account_id, 'dealId', a.deal_id, 'ownerId', a.owner_id) as data
    from activities a where a.workspace_id = ${workspaceId} and ${scope}`;
}

function changesOf(workspaceId: string, subject: TimelineSubject, id: string): RawBuilder<unknown> {
  return sql`select 'change' as kind, l.id, l.at,
      jsonb_build_object('action', l.action, 'changes', l.changes, 'actorUserId', l.actor_user_id) as data
    from audit_log l
    where l.workspace_id = ${workspaceId} and l.entity_type = ${subject} and l.entity_id = ${id}`;
}

function stageChangesOf(workspaceId: string, subject: TimelineSubject, id: string): RawBuilder<unknown> {
  const deals =
    subject === 'deal'
      ? sql`s.deal_id = ${id}`
      : sql`s.deal_id in (select d.id from deals d where d.workspace_id = ${workspaceId} and d.account_id = ${id})`;
  return sql`select 'stage_change' as kind, s.id, s.changed_at as at,
      jsonb_build_object('dealId', s.deal_id, 'fromStageId', s.from_stage_id, 'fromStage', f.name,
        'toStageId', s.to_stage_id, 'toStage', t.name, 'changedBy', s.changed_by) as data
    from deal_stage_changes s
    left join stages f on f.workspace_id = s.workspace_id and f.id = s.from_stage_id
    left join stages t on t.workspace_id = s.workspace_id and t.id = s.to_stage_id
    where s.workspace_id = ${workspaceId} and ${deals}`;
}

/** Activities, field changes and stage changes of one record, newest first, one keyset page. */
export async function timelineOf(
  db: Kysely<DB>,
  workspaceId: string,
  subject: TimelineSubject,
  id: string,
  after: { at: string; id: string } | null,
  limit: number,
): Promise<TimelineRow[]> {
  const parts = [activitiesOf(workspaceId, subject, id), changesOf(workspaceId, subject, id)];
  if (subject !== 'contact') parts.push(stageChangesOf(workspaceId, subject, id));
  const union = sql.join(parts, sql` union all `);
  const cursor = after ? sql`where (t.at, t.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``;
  const result = await sql<TimelineRow>`select t.kind, t.id, t.at, t.data from (${union}) t ${cursor}
    order by t.at desc, t.id desc limit ${limit}`.execute(db);
  return result.rows;
}
