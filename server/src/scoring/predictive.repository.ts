import type { FeatureValue, PredictiveModel } from '@baken/core/scoring/predictive';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/** The most contacts a training reads: a fixed sample keeps retraining quick at a million contacts. */
export const TRAINING_SAMPLE = 50_000;

interface FeatureRow {
  id: string;
  persona: string | null;
  jobTitle: string | null;
  leadSource: string | null;
  industry: string | null;
  country: string | null;
  employees: number | null;
  revenue: number | null;
  technologies: string[] | null;
  events: Record<string, number> | null;
  customerAt: Date | null;
}

/**
 * What the model knows of contacts: their own fields, their company's, and how often they did each
 * kind of thing — before becoming a customer, for customers, so the model learns what comes first
 * and not what customers do afterwards. `customerAt` is when they first became one (null: never).
 */
function featureRows(db: Kysely<DB>, workspaceId: string, which: { sample: number } | { contactId: string }) {
  const pick =
    'contactId' in which
      ? sql`and c.id = ${which.contactId}`
      : sql`order by md5(c.id::text) limit ${which.sample}`;
  return sql<FeatureRow>`
    with chosen as (
      select c.id, c.persona, c.job_title, c.lead_source, c.account_id, c.lifecycle_stage
      from contacts c where c.workspace_id = ${workspaceId} ${pick}
    ), became as (
      select ch.id, (select min(l.changed_at) from lifecycle_changes l
          where l.workspace_id = ${workspaceId} and l.contact_id = ch.id and l.to_stage in ('customer', 'evangelist'))
        as customer_at
      from chosen ch
    )
    select ch.id, ch.persona, ch.job_title, ch.lead_source,
      left(a.industry_code, 2) as industry, a.country::text as country,
      a.employee_count as employees, a.annual_revenue::float8 as revenue, a.technologies,
      (select jsonb_object_agg(e.type, e.n) from (
        select ev.type, count(*) as n from contact_events ev
        where ev.workspace_id = ${workspaceId} and ev.contact_id = ch.id
          and (b.customer_at is null or ev.occurred_at < b.customer_at)
        group by ev.type) e) as events,
      b.customer_at
    from chosen ch
    join became b on b.id = ch.id
    left join accounts a on a.workspace_id = ${workspaceId} and a.id = ch.account_id`
    .execute(db)
    .then((result) => result.rows);
}

const titleWords = (title: string | null) =>
  title
    ? [
        ...new Set(
          title
            .toLowerCase()
            .split(/[^\p{L}\p{N}]+/u)
            .filter((word) => word.length > 1),
        ),
      ]
    : [];

function featuresOf(row: FeatureRow): Record<string, FeatureValue> {
  const features: Record<string, FeatureValue> = {
    persona: row.persona,
    jobTitle: titleWords(row.jobTitle),
    leadSource: row.leadSource?.trim().toLowerCase() || null,
    industry: row.industry,
    country: row.country,
    employees: row.employees,
    revenue: row.revenue,
    technologies: row.technologies ?? [],
  };
  for (const [type, count] of Object.entries(row.events ?? {})) features[`events.${type}`] = Number(count);
  return features;
}

export async function trainingRows(db: Kysely<DB>, workspaceId: string) {
  const rows = await featureRows(db, workspaceId, { sample: TRAINING_SAMPLE });
  return rows.map((row) => ({
    id: row.id,
    features: featuresOf(row),
    label: (row.customerAt ? 1 : 0) as 0 | 1,
  }));
}

export async function contactFeatures(db: Kysely<DB>, workspaceId: string, contactId: string) {
  const [row] = await featureRows(db, workspaceId, { contactId });
  return row ? featuresOf(row) : null;
}

export async function findPredictiveModel(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('predictiveModels')
    .select(['model', 'trainedAt'])
    .where('workspaceId', '=', workspaceId)
    .executeTakeFirst();
}

export async function savePredictiveModel(
  db: Kysely<DB>,
  row: { workspaceId: string; model: PredictiveModel; trainedAt: Date; trainedBy: string | null },
): Promise<void> {
  const values = { ...row, model: JSON.stringify(row.model) };
  await db
    .insertInto('predictiveModels')
    .values(values)
    .onConflict((conflict) =>
      conflict
        .column('workspaceId')
        .doUpdateSet({ model: values.model, trainedAt: values.trainedAt, trainedBy: values.trainedBy }),
    )
    .execute();
}
