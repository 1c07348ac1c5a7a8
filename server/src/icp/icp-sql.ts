// The ideal customer profile as SQL: a company's fit, 0-100, the same as core's icpFit(), over the
// accounts table (alias a) or over the company register (alias r). A test holds SQL and core together.
import type { IcpCriterion } from '@baken/core/scoring/icp';
import type { icpFields } from '@baken/core/scoring/icp.schema';
import { type RawBuilder, sql } from 'kysely';
import { conditionSql, type FieldSql } from '../scoring/score-sql.ts';

type IcpField = (typeof icpFields)[number];

const accountFields: Record<IcpField, FieldSql> = {
  industryCode: { column: sql.raw('a.industry_code'), kind: 'text' },
  employeeCount: { column: sql.raw('a.employee_count'), kind: 'number' },
  annualRevenue: { column: sql.raw('a.annual_revenue'), kind: 'number' },
  foundedYear: { column: sql.raw('a.founded_year'), kind: 'number' },
  country: { column: sql.raw('a.country'), kind: 'text' },
  region: { column: sql.raw('a.region'), kind: 'text' },
  city: { column: sql.raw('a.city'), kind: 'text' },
  postalCode: { column: sql.raw('a.postal_code'), kind: 'text' },
  technologies: { column: sql.raw('a.technologies'), kind: 'list' },
  customerStatus: { column: sql.raw('a.customer_status'), kind: 'text' },
  tags: { column: sql.raw('a.tags'), kind: 'list' },
};

/** The custom fields of companies by key, with their type, to read them from the custom column. */
export type CustomTypes = Map<string, string>;

function jsonField(document: RawBuilder<unknown>, key: string, type: string | undefined): FieldSql {
  if (type === 'number')
    return {
      column: sql`(case when jsonb_typeof(${document}->${key}) = 'number' then (${document}->>${key})::float8 end)`,
      kind: 'number',
    };
  if (type === 'multi_select')
    return {
      column: sql`array(select jsonb_array_elements_text(case when jsonb_typeof(${document}->${key}) = 'array'
        then ${document}->${key} else '[]'::jsonb end))`,
      kind: 'list',
    };
  return { column: sql`(${document}->>${key})`, kind: 'text' };
}

function accountField(field: string, custom: CustomTypes): FieldSql {
  if (field.startsWith('custom.')) {
    const key = field.slice('custom.'.length);
    return jsonField(sql.raw('a.custom'), key, custom.get(key));
  }
  return accountFields[field as IcpField];
}

/** What the company register holds (its fields document), as the register loader stores it. */
const registerKinds: Partial<Record<IcpField, 'text' | 'number'>> = {
  industryCode: 'text',
  employeeCount: 'number',
  foundedYear: 'number',
  country: 'text',
  region: 'text',
  city: 'text',
  postalCode: 'text',
};

/** Criteria the register can answer: those on fields it holds. */
export const registerCriteria = (criteria: IcpCriterion[]) =>
  criteria.filter((criterion) => criterion.field in registerKinds);

function registerField(field: string): FieldSql {
  return jsonField(sql.raw('r.fields'), field, registerKinds[field as IcpField]);
}

/** JavaScript's Math.round(100 * met / total), 0 when nothing weighs. */
function fitSql(criteria: IcpCriterion[], fieldOf: (field: string) => FieldSql) {
  const weighed = criteria.filter((criterion) => criterion.weight > 0);
  if (weighed.length === 0) return sql<number>`0`;
  const total = weighed.reduce((sum, criterion) => sum + criterion.weight, 0);
  const met = sql.join(
    weighed.map(
      (criterion) =>
        sql`(case when ${conditionSql(fieldOf(criterion.field), criterion.condition)} then ${criterion.weight}::float8 else 0 end)`,
    ),
    sql` + `,
  );
  return sql<number>`floor(100 * (${met}) / ${total}::float8 + 0.5)::int`;
}

export const accountFitSql = (criteria: IcpCriterion[], custom: CustomTypes) =>
  fitSql(criteria, (field) => accountField(field, custom));

export const registerFitSql = (criteria: IcpCriterion[]) => fitSql(registerCriteria(criteria), registerField);
