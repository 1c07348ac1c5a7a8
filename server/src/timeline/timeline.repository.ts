import { type Kysely, type RawBuilder, sql } from 'kysely';
import { STABLE_PLAN } from '../platform/db/prepared-statements.ts';
import type { DB } from '../platform/db/schema.ts';

export type TimelineSubject = 'contact' | 'account' | 'deal';

export interface TimelineRow {
  kind: 'activity' | 'change' | 'stage_change' | 'import' | 'lifecycle';
  id: string;
  at: Date;
  data: Record<string, unknown>;
}

type Cursor = { at: string; id: string } | null;

/**
 * One source of timeline entries, newest first and cut at the page size, so each source is one
 * index range scan ((workspace, record, time desc, id desc)) and the union merges small pieces.
 */
function branch(select: RawBuilder<unknown>, at: string, id: string, after: Cursor, limit: number) {
  const cursor = after
    ? sql`and (${sql.raw(at)}, ${sql.raw(id)}) < (${after.at}::timestamptz, ${after.id}::uuid)`
    : sql``;
  return sql`(${select} ${cursor} order by ${sql.raw(at)} desc, ${sql.raw(id)} desc limit ${limit})`;
}

const activityColumns = sql`'activity' as kind, a.id, a.occurred_at as at,
  jsonb_build_object('type', a.type, 'subject', a.subject, 'body', a.body, 'direction', a.direction,
    'outcome', a.outcome, 'dueAt', a.due_at, 'doneAt', a.done_at, 'contactId', a.contact_id,
    'accountId', a.account_id, 'dealId', a.deal_id, 'ownerId', a.owner_id) as data`;

const stageChangeColumns = sql`'stage_change' as kind, s.id, s.changed_at as at,
  jsonb_build_object('dealId', s.deal_id, 'fromStageId', s.from_stage_id, 'fromStage', f.name,
    'toStageId', s.to_stage_id, 'toStage', t.name, 'changedBy', s.changed_by) as data`;

const stageNames = sql`left join stages f on f.workspace_id = s.workspace_id and f.id = s.from_stage_id
  left join stages t on t.workspace_id = s.workspace_id and t.id = s.to_stage_id`;

/**
 * Activities of a contact, a deal or a company. An activity carries the company of its contact or
 * deal (the activities service fills it in), so each subject is one index range scan.
 */
function activitiesOf(
  workspaceId: string,
  subject: TimelineSubject,
  id: string,
  after: Cursor,
  limit: number,
) {
  const column = subject === 'account' ? 'account_id' : subject === 'contact' ? 'contact_id' : 'deal_id';
  return branch(
    sql`select ${activityColumns} from activities a where a.workspace_id = ${workspaceId} and a.${sql.raw(column)} = ${id}`,
    'a.occurred_at',
    'a.id',
    after,
    limit,
  );
}

function changesOf(workspaceId: string, subject: TimelineSubject, id: string, after: Cursor, limit: number) {
  return branch(
    sql`select 'change' as kind, l.id, l.at,
      jsonb_build_object('action', l.action, 'changes', l.changes, 'actorUserId', l.actor_user_id) as data
    from audit_log l
    where l.workspace_id = ${workspaceId} and l.entity_type = ${subject} and l.entity_id = ${id}`,
    'l.at',
    'l.id',
    after,
    limit,
  );
}

function stageChangesOf(
  workspaceId: string,
  subject: TimelineSubject,
  id: string,
  after: Cursor,
  limit: number,
) {
  const select =
    subject === 'deal'
      ? sql`select ${stageChangeColumns} from deal_stage_changes s ${stageNames}
          where s.workspace_id = ${workspaceId} and s.deal_id = ${id}`
      : sql`select ${stageChangeColumns} from deals d
          join deal_stage_changes s on s.workspace_id = d.workspace_id and s.deal_id = d.id ${stageNames}
          where d.workspace_id = ${workspaceId} and d.account_id = ${id}`;
  return branch(select, 's.changed_at', 's.id', after, limit);
}

/** The imports that created or changed a contact or a company, with the file and row it came from. */
function importsOf(workspaceId: string, subject: TimelineSubject, id: string, after: Cursor, limit: number) {
  return branch(
    sql`select 'import' as kind, r.import_id as id, r.written_at as at,
      jsonb_build_object('action', r.action, 'importId', r.import_id, 'fileName', i.file_name,
        'rowNumber', r.row_number, 'undone', i.status = 'undone') as data
    from import_records r
    join imports i on i.workspace_id = r.workspace_id and i.id = r.import_id
    where r.workspace_id = ${workspaceId} and r.record_type = ${subject} and r.record_id = ${id}`,
    'r.written_at',
    'r.import_id',
    after,
    limit,
  );
}

/**
 * Lifecycle stages a contact was moved to by a rule or a workflow. A person's change is in the audit
 * log already (a field change), and an import's is the import entry.
 */
function lifecycleOf(workspaceId: string, id: string, after: Cursor, limit: number) {
  return branch(
    sql`select 'lifecycle' as kind, l.id, l.changed_at as at,
      jsonb_build_object('fromStage', l.from_stage, 'toStage', l.to_stage, 'cause', l.cause, 'rule', l.rule) as data
    from lifecycle_changes l
    where l.workspace_id = ${workspaceId} and l.contact_id = ${id} and l.cause in ('rule', 'workflow')`,
    'l.changed_at',
    'l.id',
    after,
    limit,
  );
}

const subjectTables = { contact: 'contacts', account: 'accounts', deal: 'deals' } as const;

/**
 * Activities, field changes, stage changes, imports and lifecycle rules of one record, newest first, one keyset page; null
 * when the record is not in this workspace (checked in the same statement).
 */
export async function timelineOf(
  db: Kysely<DB>,
  workspaceId: string,
  subject: TimelineSubject,
  id: string,
  after: Cursor,
  limit: number,
): Promise<TimelineRow[] | null> {
  const parts = [
    activitiesOf(workspaceId, subject, id, after, limit),
    changesOf(workspaceId, subject, id, after, limit),
  ];
  if (subject !== 'contact') parts.push(stageChangesOf(workspaceId, subject, id, after, limit));
  if (subject !== 'deal') parts.push(importsOf(workspaceId, subject, id, after, limit));
  if (subject === 'contact') parts.push(lifecycleOf(workspaceId, id, after, limit));
  const union = sql.join(parts, sql` union all `);
  // Every branch is an index range scan by key, whatever the values: planned once per connection
  // (planning this union took longer than running it).
  const result = await sql<
    { found: boolean } & ({ kind: null; id: null } | TimelineRow)
  >`${sql.raw(STABLE_PLAN)}
    select subject.found, t.kind, t.id, t.at, t.data
    from (select exists (select 1 from ${sql.table(subjectTables[subject])}
      where workspace_id = ${workspaceId} and id = ${id}) as found) subject
    left join lateral (select * from (${union}) u order by u.at desc, u.id desc limit ${limit}) t on subject.found`.execute(
    db,
  );
  if (!result.rows[0]?.found) return null;
  return result.rows.filter((row): row is { found: boolean } & TimelineRow => row.id !== null);
}
