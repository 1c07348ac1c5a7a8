// A scoring model as one SQL statement: the same rules as core's leadScore(), set-based, for one
// contact after an event or for every contact of a workspace after a model change. A test holds the
// two to the same answers.
import type { EngagementRule, FieldCondition, FitRule, ScoringModel } from '@baken/core/scoring/lead-score';
import type { scorableFields } from '@baken/core/scoring/scoring-model.schema';
import { type RawBuilder, sql } from 'kysely';

export type FieldKind = 'text' | 'number' | 'list';

/** A field as SQL: the expression that reads it and how to compare it. */
export interface FieldSql {
  column: RawBuilder<unknown>;
  kind: FieldKind;
}

/** The fields a fit rule may read (core's list, which the model's schema allows), with their column. */
const fields: Record<(typeof scorableFields)[number], FieldSql> = {
  persona: { column: sql.raw('c.persona'), kind: 'text' },
  jobTitle: { column: sql.raw('c.job_title'), kind: 'text' },
  lifecycleStage: { column: sql.raw('c.lifecycle_stage'), kind: 'text' },
  leadSource: { column: sql.raw('c.lead_source'), kind: 'text' },
  marketingConsent: { column: sql.raw('c.marketing_consent'), kind: 'text' },
  tags: { column: sql.raw('c.tags'), kind: 'list' },
  'account.name': { column: sql.raw('a.name'), kind: 'text' },
  'account.industryCode': { column: sql.raw('a.industry_code'), kind: 'text' },
  'account.employeeCount': { column: sql.raw('a.employee_count'), kind: 'number' },
  'account.annualRevenue': { column: sql.raw('a.annual_revenue'), kind: 'number' },
  'account.foundedYear': { column: sql.raw('a.founded_year'), kind: 'number' },
  'account.country': { column: sql.raw('a.country'), kind: 'text' },
  'account.region': { column: sql.raw('a.region'), kind: 'text' },
  'account.city': { column: sql.raw('a.city'), kind: 'text' },
  'account.customerStatus': { column: sql.raw('a.customer_status'), kind: 'text' },
  'account.technologies': { column: sql.raw('a.technologies'), kind: 'list' },
  'account.tags': { column: sql.raw('a.tags'), kind: 'list' },
};

const lowered = (values: (string | number | boolean)[]) =>
  sql`${values.map((value) => String(value).toLocaleLowerCase('nl'))}::text[]`;

/** A list field (tags, technologies) holding any of the values, compared without case. */
const holdsAny = (column: RawBuilder<unknown>, values: (string | number | boolean)[]) =>
  sql<boolean>`exists (select 1 from unnest(${column}) v where lower(v) = any(${lowered(values)}))`;

/** Whether a field meets a condition, in SQL, exactly as core's conditionHolds() decides it. */
export function conditionSql(spec: FieldSql, condition: FieldCondition): RawBuilder<boolean> {
  const column = spec.column;
  const text = sql`lower(${column}::text)`;
  const blank =
    spec.kind === 'list'
      ? sql`coalesce(cardinality(${column}), 0) = 0`
      : sql`coalesce(${column}::text, '') = ''`;
  switch (condition.op) {
    case 'empty':
      return sql<boolean>`(${blank})`;
    case 'filled':
      return sql<boolean>`(not (${blank}))`;
    case 'eq':
      if (spec.kind === 'list') return holdsAny(column, [condition.value]);
      return sql<boolean>`(not (${blank}) and ${text} = ${String(condition.value).toLocaleLowerCase('nl')})`;
    case 'in':
      if (spec.kind === 'list') return holdsAny(column, condition.values);
      return sql<boolean>`(not (${blank}) and ${text} = any(${lowered(condition.values)}))`;
    case 'containsAny':
      if (spec.kind !== 'text') return sql<boolean>`false`;
      return sql<boolean>`(${column} is not null and exists (select 1 from unnest(${lowered(condition.words)}) w
        where position(w in lower(${column})) > 0))`;
    case 'hasAny':
      if (spec.kind !== 'list') return sql<boolean>`false`;
      return holdsAny(column, condition.values);
    case 'hasNone':
      if (spec.kind !== 'list') return sql<boolean>`true`;
      return sql<boolean>`(not ${holdsAny(column, condition.values)})`;
    case 'startsWithAny':
      if (spec.kind === 'list') return sql<boolean>`false`;
      return sql<boolean>`(${column} is not null and exists (select 1 from unnest(${lowered(condition.prefixes)}) p
        where starts_with(${text}, p)))`;
    case 'between': {
      if (spec.kind !== 'number') return sql<boolean>`false`;
      const min = condition.min === undefined ? sql`true` : sql`${column} >= ${condition.min}`;
      const max = condition.max === undefined ? sql`true` : sql`${column} <= ${condition.max}`;
      return sql<boolean>`(${column} is not null and ${min} and ${max})`;
    }
  }
}

function fieldSql(field: string): FieldSql {
  const spec = fields[field as (typeof scorableFields)[number]];
  if (!spec) throw new Error(`Unknown field ${field}`);
  return spec;
}

/** JavaScript's Math.round(x * 10) / 10: half a tenth rounds up, also below zero. */
export const tenth = (value: RawBuilder<unknown>) => sql`(floor((${value}) * 10 + 0.5) / 10)`;

function fitSql(rules: FitRule[]) {
  if (rules.length === 0) return sql`0`;
  return sql.join(
    rules.map(
      (rule) =>
        sql`(case when ${conditionSql(fieldSql(rule.field), rule.condition)} then ${rule.points}::float8 else 0 end)`,
    ),
    sql` + `,
  );
}

function eventMatch(rule: EngagementRule) {
  const path =
    rule.pathContains === undefined
      ? sql``
      : sql`and position(${rule.pathContains} in coalesce(e.path, '')) > 0`;
  return sql`e.type = ${rule.event} ${path}`;
}

/** One column per engagement rule: its decayed points of one contact's events, capped, to a tenth. */
function engagementColumns(model: ScoringModel, now: Date) {
  const age = sql`greatest(extract(epoch from (${now}::timestamptz - e.occurred_at)) / 86400, 0)`;
  const decay =
    model.halfLifeDays > 0 ? sql`power(0.5::float8, ${age} / ${model.halfLifeDays}::float8)` : sql`1::float8`;
  return model.engagement.map((rule, index) => {
    const sum = sql`coalesce(sum(${rule.points}::float8 * ${decay}) filter (where ${eventMatch(rule)}), 0)`;
    const capped = rule.cap === undefined ? sum : sql`sign(${sum}) * least(abs(${sum}), ${rule.cap}::float8)`;
    return sql`${tenth(capped)} as ${sql.ref(`r${index}`)}`;
  });
}

/**
 * Scores of the workspace's contacts (one when `contactId` is given) as rows of contact_id, fit,
 * engagement, total, ready to be written.
 */
export function scoresQuery(workspaceId: string, model: ScoringModel, now: Date, contactId?: string) {
  const one = (column: string) => (contactId ? sql`and ${sql.raw(column)} = ${contactId}` : sql``);
  const columns = engagementColumns(model, now);
  const events =
    columns.length === 0
      ? sql`select null::uuid as contact_id where false`
      : sql`select e.contact_id, ${sql.join(columns)} from contact_events e
          where e.workspace_id = ${workspaceId} and e.occurred_at <= ${now}::timestamptz ${one('e.contact_id')}
          group by e.contact_id`;
  const engagement =
    columns.length === 0
      ? sql`0::float8`
      : sql.join(
          model.engagement.map((_rule, index) => sql`coalesce(ev.${sql.ref(`r${index}`)}, 0)`),
          sql` + `,
        );
  return sql<{ contactId: string; fit: number; engagement: number; total: number }>`
    select s.contact_id, s.fit, s.engagement, ${tenth(sql`s.fit + s.engagement`)} as total
    from (
      select c.id as contact_id, ${tenth(fitSql(model.fit))} as fit, ${tenth(engagement)} as engagement
      from contacts c
      left join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id
      left join (${events}) ev on ev.contact_id = c.id
      where c.workspace_id = ${workspaceId} ${one('c.id')}
    ) s`;
}
