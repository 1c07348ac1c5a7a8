import type { ScoringModel } from '@baken/core/scoring/lead-score';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { scoresQuery } from './score-sql.ts';

/**
 * Scores the workspace's contacts (or one) by the model in one statement, writes the rows whose score
 * changed, and moves contacts at or over the MQL threshold to MQL (a lifecycle rule: only forward).
 * Returns how many scores changed.
 */
export async function rescore(
  db: Kysely<DB>,
  workspaceId: string,
  model: ScoringModel,
  now: Date,
  contactId?: string,
): Promise<number> {
  const written = await sql`
    insert into contact_scores (workspace_id, contact_id, fit, engagement, total, scored_at)
    select ${workspaceId}, s.contact_id, s.fit, s.engagement, s.total, ${now}::timestamptz
    from (${scoresQuery(workspaceId, model, now, contactId)}) s
    on conflict (workspace_id, contact_id) do update
      set fit = excluded.fit, engagement = excluded.engagement, total = excluded.total, scored_at = excluded.scored_at
      where (contact_scores.fit, contact_scores.engagement, contact_scores.total)
        is distinct from (excluded.fit, excluded.engagement, excluded.total)`.execute(db);
  // Only subscribers and leads: a disqualified contact (a lead sales rejected) stays out until a
  // person brings it back as a lead, or the score would hand it over again and again.
  const one = contactId ? sql`and s.contact_id = ${contactId}` : sql``;
  await sql`select baken_lifecycle_advance(${workspaceId}, array(
      select s.contact_id from contact_scores s
      join contacts c on c.workspace_id = s.workspace_id and c.id = s.contact_id
      where s.workspace_id = ${workspaceId} and s.total >= ${model.mqlThreshold} ${one}
        and c.lifecycle_stage in ('subscriber', 'lead')
    ), 'mql', 'score_mql', ${now}::timestamptz)`.execute(db);
  return Number(written.numAffectedRows ?? 0);
}

/** The scores of the given contacts as the model computed them last. */
export async function scoresOf(db: Kysely<DB>, workspaceId: string, contactIds: string[]) {
  if (contactIds.length === 0) return [];
  return sql<{ contactId: string; fit: number; engagement: number; total: number }>`
    select contact_id, fit::float8 as fit, engagement::float8 as engagement, total::float8 as total
    from contact_scores where workspace_id = ${workspaceId} and contact_id = any(${contactIds}::uuid[])`
    .execute(db)
    .then((result) => result.rows);
}

export async function findScoringModel(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('scoringModels')
    .select(['model', 'updatedAt'])
    .where('workspaceId', '=', workspaceId)
    .executeTakeFirst();
}

export async function saveScoringModel(
  db: Kysely<DB>,
  row: { workspaceId: string; model: ScoringModel; updatedAt: Date; updatedBy: string | null },
): Promise<void> {
  const values = { ...row, model: JSON.stringify(row.model) };
  await db
    .insertInto('scoringModels')
    .values(values)
    .onConflict((conflict) =>
      conflict.column('workspaceId').doUpdateSet({
        model: values.model,
        updatedAt: values.updatedAt,
        updatedBy: values.updatedBy,
      }),
    )
    .execute();
}

export async function insertContactEvent(
  db: Kysely<DB>,
  event: {
    workspaceId: string;
    id: string;
    contactId: string;
    type: string;
    path: string | null;
    occurredAt: Date;
  },
): Promise<void> {
  await db.insertInto('contactEvents').values(event).execute();
}

/** One contact's events up to `now`, for explaining its score. */
export async function eventsOfContact(db: Kysely<DB>, workspaceId: string, contactId: string, now: Date) {
  return db
    .selectFrom('contactEvents')
    .select(['type', 'path', 'occurredAt'])
    .where('workspaceId', '=', workspaceId)
    .where('contactId', '=', contactId)
    .where('occurredAt', '<=', now)
    .execute();
}

/** When a contact was scored last; null before its first score. */
export async function scoredAtOf(db: Kysely<DB>, workspaceId: string, contactId: string) {
  const row = await db
    .selectFrom('contactScores')
    .select('scoredAt')
    .where('workspaceId', '=', workspaceId)
    .where('contactId', '=', contactId)
    .executeTakeFirst();
  return row?.scoredAt ?? null;
}

/** How many of the workspace's contacts a model would score at or over its MQL threshold now. */
export async function countOverThreshold(
  db: Kysely<DB>,
  workspaceId: string,
  model: ScoringModel,
  now: Date,
) {
  const { rows } = await sql<{ count: number }>`
    select count(*)::int as count from (${scoresQuery(workspaceId, model, now)}) s
    where s.total >= ${model.mqlThreshold}`.execute(db);
  return rows[0]?.count ?? 0;
}

/**
 * How many contacts the stored scores put at or over a threshold: the current model's count as of
 * its last rescore, without scoring anyone again.
 */
export async function countStoredOverThreshold(db: Kysely<DB>, workspaceId: string, threshold: number) {
  const row = await db
    .selectFrom('contactScores')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('workspaceId', '=', workspaceId)
    .where('total', '>=', threshold)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
