// The sets data health counts, each an SQL condition over a contacts or accounts row `t`. Counting is
// set-based: one pass over each table counts every simple metric at once (count(*) filter (...)),
// and the stale metric, an anti-join with the activities, is one statement of its own.

import type { DataHealthMetric } from '@baken/core/data-health/data-health.schema';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

type Table = 'contacts' | 'accounts';

export interface MetricDefinition {
  key: DataHealthMetric;
  table: Table;
  group: 'missing' | 'invalid' | 'stale';
  /** The condition over `t`; `cutoff` is the start of the stale period. */
  where: (cutoff: Date, workspaceId: string) => RawBuilder<boolean>;
  /** The value a person should look at, for the records page. */
  value: RawBuilder<string | null>;
  filters: string[] | null;
}

// The shapes the validators of core/src/validation store values in. Values written before those
// validators existed (or straight into the database) may not have them. Check digits of Dutch VAT
// numbers are left to the validators; Belgian ones (mod 97) are checked here too. The tests of
// the columns every contact has are plain string functions, not regular expressions: a pass over a
// million contacts with three regular expressions a row took 4 s, with these about 1.5 s.
const badEmail = (column: string) =>
  `(${column} is not null and (${column} not like '_%@_%._%' or ${column} like '%@%@%'
    or ${column} like '% %' or split_part(${column}, '@', 2) not like '%_._%'))`;
/** Not E.164 (+, then digits; an extension as ;ext=digits): one ltrim() instead of a regular expression. */
const badPhone = (column: string) =>
  `(${column} is not null and (${column} not like '+%' or length(${column}) not between 8 and 30
    or ltrim(${column}, '+0123456789;ext=') <> ''))`;
const bad = (condition: string) => sql.raw(condition) as RawBuilder<boolean>;
const text = (expression: string) => sql.raw(expression) as RawBuilder<string | null>;

/** Created before the period and without any activity in it. */
const stale = (column: 'contact_id' | 'account_id') => (cutoff: Date, workspaceId: string) =>
  sql<boolean>`(t.created_at < ${cutoff} and not exists (select 1 from activities a
    where a.workspace_id = ${workspaceId} and a.${sql.raw(column)} = t.id and a.occurred_at >= ${cutoff}))`;

const always = (condition: string) => () => sql.raw(condition) as RawBuilder<boolean>;

export const metricDefinitions: MetricDefinition[] = [
  {
    key: 'contacts.missingEmail',
    table: 'contacts',
    group: 'missing',
    where: always('t.email is null'),
    value: text('null'),
    filters: ['email:empty'],
  },
  {
    key: 'contacts.missingPhone',
    table: 'contacts',
    group: 'missing',
    where: always('t.phone is null and t.mobile is null'),
    value: text('null'),
    filters: null,
  },
  {
    key: 'contacts.unreachable',
    table: 'contacts',
    group: 'missing',
    where: always('t.email is null and t.phone is null and t.mobile is null'),
    value: text('null'),
    filters: null,
  },
  {
    key: 'contacts.missingAccount',
    table: 'contacts',
    group: 'missing',
    where: always('t.account_id is null'),
    value: text('null'),
    filters: ['accountId:empty'],
  },
  {
    key: 'contacts.invalidEmail',
    table: 'contacts',
    group: 'invalid',
    where: () => bad(badEmail('t.email')),
    value: text('t.email'),
    filters: null,
  },
  {
    key: 'contacts.invalidPhone',
    table: 'contacts',
    group: 'invalid',
    where: () => bad(`(${badPhone('t.phone')} or ${badPhone('t.mobile')})`),
    value: text(`case when ${badPhone('t.phone')} then t.phone else t.mobile end`),
    filters: null,
  },
  {
    key: 'contacts.stale',
    table: 'contacts',
    group: 'stale',
    where: stale('contact_id'),
    value: text(`to_char(t.created_at, 'YYYY-MM-DD')`),
    filters: null,
  },
  {
    key: 'accounts.missingDomain',
    table: 'accounts',
    group: 'missing',
    where: always('t.domain is null'),
    value: text('null'),
    filters: ['domain:empty'],
  },
  {
    key: 'accounts.missingKvk',
    table: 'accounts',
    group: 'missing',
    where: always('t.kvk_number is null'),
    value: text('null'),
    filters: ['kvkNumber:empty'],
  },
  {
    key: 'accounts.missingIndustry',
    table: 'accounts',
    group: 'missing',
    where: always('t.industry_code is null'),
    value: text('null'),
    filters: ['industryCode:empty'],
  },
  {
    key: 'accounts.missingOwner',
    table: 'accounts',
    group: 'missing',
    where: always('t.owner_id is null'),
    value: text('null'),
    filters: ['ownerId:empty'],
  },
  {
    key: 'accounts.invalidEmail',
    table: 'accounts',
    group: 'invalid',
    where: () => bad(badEmail('t.email')),
    value: text('t.email'),
    filters: null,
  },
  {
    key: 'accounts.invalidPhone',
    table: 'accounts',
    group: 'invalid',
    where: () => bad(badPhone('t.phone')),
    value: text('t.phone'),
    filters: null,
  },
  {
    key: 'accounts.invalidPostcode',
    table: 'accounts',
    group: 'invalid',
    // Postcodes are checked for the account's country, or the workspace's when it has none.
    where: (_cutoff, workspaceId) => sql<boolean>`(t.postal_code is not null and case
      coalesce(t.country, (select w.default_country from workspaces w where w.id = ${workspaceId}))
      when 'NL' then t.postal_code !~ '^[1-9][0-9]{3} [A-Z]{2}$' or right(t.postal_code, 2) in ('SA', 'SD', 'SS')
      when 'BE' then t.postal_code !~ '^[1-9][0-9]{3}$'
      else false end)`,
    value: text(`t.postal_code || coalesce(' (' || t.country || ')', '')`),
    filters: null,
  },
  {
    key: 'accounts.invalidVat',
    table: 'accounts',
    group: 'invalid',
    where: always(`(t.vat_number is not null and (
      t.vat_number !~ '^[A-Z]{2}[0-9A-Z+*]{2,13}$'
      or (t.vat_number like 'NL%' and t.vat_number !~ '^NL[0-9]{9}B[0-9]{2}$')
      or (t.vat_number like 'BE%' and case when t.vat_number ~ '^BE[01][0-9]{9}$'
        then 97 - substr(t.vat_number, 3, 8)::bigint % 97 <> substr(t.vat_number, 11, 2)::int
        else true end)))`),
    value: text('t.vat_number'),
    filters: null,
  },
  {
    key: 'accounts.invalidKvk',
    table: 'accounts',
    group: 'invalid',
    where: () =>
      bad(
        `(t.kvk_number is not null and (length(t.kvk_number) <> 8 or translate(t.kvk_number, '0123456789', '') <> ''))`,
      ),
    value: text('t.kvk_number'),
    filters: null,
  },
  {
    key: 'accounts.stale',
    table: 'accounts',
    group: 'stale',
    where: stale('account_id'),
    value: text(`to_char(t.created_at, 'YYYY-MM-DD')`),
    filters: null,
  },
];

/** Every simple metric of one table and its total, in one pass over the table. */
export async function countMetrics(
  db: Kysely<DB>,
  workspaceId: string,
  table: Table,
  cutoff: Date,
): Promise<{ total: number; counts: Map<DataHealthMetric, number> }> {
  const simple = metricDefinitions.filter((metric) => metric.table === table && metric.group !== 'stale');
  const columns = simple.map(
    (metric, index) =>
      sql`count(*) filter (where ${metric.where(cutoff, workspaceId)})::int as ${sql.ref(`m${index}`)}`,
  );
  const { rows } = await sql<Record<string, number>>`select count(*)::int as total, ${sql.join(columns)}
    from ${sql.table(table)} t where t.workspace_id = ${workspaceId}`.execute(db);
  const row = rows[0]!;
  return {
    total: row.total!,
    counts: new Map(simple.map((metric, index) => [metric.key, row[`m${index}`]!])),
  };
}

/** A metric that needs its own statement (the anti-join of stale records). */
export async function countMetric(
  db: Kysely<DB>,
  workspaceId: string,
  metric: MetricDefinition,
  cutoff: Date,
) {
  const { rows } = await sql<{
    count: number;
  }>`select count(*)::int as count from ${sql.table(metric.table)} t
    where t.workspace_id = ${workspaceId} and ${metric.where(cutoff, workspaceId)}`.execute(db);
  return rows[0]!.count;
}

const nameOf: Record<Table, RawBuilder<string>> = {
  contacts: sql`coalesce(nullif(btrim(coalesce(t.first_name, '') || ' ' || coalesce(t.last_name, '')), ''), t.email, '—')`,
  accounts: sql`t.name`,
};

/** One page of the records of a metric, in id order (the primary key). */
export async function metricRecords(
  db: Kysely<DB>,
  workspaceId: string,
  metric: MetricDefinition,
  cutoff: Date,
  after: string | null,
  limit: number,
) {
  const { rows } = await sql<{ id: string; name: string; value: string | null }>`
    select t.id, ${nameOf[metric.table]} as name, ${metric.value} as value
    from ${sql.table(metric.table)} t
    where t.workspace_id = ${workspaceId} and ${metric.where(cutoff, workspaceId)}
      ${after ? sql`and t.id > ${after}` : sql``}
    order by t.id limit ${limit}`.execute(db);
  return rows;
}
