import type { Cursor, Filter, Sort } from '@baken/core/records/list-query';
import { type RawBuilder, type SqlBool, sql } from 'kysely';

const arrayType: Record<string, string> = { number: 'numeric[]', id: 'uuid[]', date: 'date[]' };
const castOf: Record<string, string> = {
  number: 'numeric',
  date: 'date',
  timestamp: 'timestamptz',
  boolean: 'boolean',
};

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (match) => `\\${match}`);
}

/** The SQL expression a filter or sort reads: a column, or a typed value inside the custom jsonb. */
function valueExpression(
  filter: Pick<Filter, 'field' | 'spec' | 'customKey'>,
  table?: string,
): RawBuilder<unknown> {
  if (filter.customKey === undefined) {
    const column = filter.spec.column ?? filter.field;
    return sql.ref(table ? `${table}.${column}` : column);
  }
  const custom = sql.ref(table ? `${table}.custom` : 'custom');
  if (filter.spec.kind === 'tags') return sql`(${custom} -> ${filter.customKey})`;
  const cast = castOf[filter.spec.kind];
  const text = sql`(${custom} ->> ${filter.customKey})`;
  return cast ? sql`${text}::${sql.raw(cast)}` : text;
}

export function filterCondition(filter: Filter, table?: string): RawBuilder<SqlBool> {
  const value = valueExpression(filter, table);
  const isCustomArray = filter.customKey !== undefined && filter.spec.kind === 'tags';
  const { op } = filter;
  if (filter.spec.kind === 'tags') {
    const list = Array.isArray(filter.value) ? filter.value.map(String) : [String(filter.value)];
    if (op === 'empty') {
      return isCustomArray
        ? sql`coalesce(jsonb_array_length(${value}), 0) = 0`
        : sql`cardinality(${value}) = 0`;
    }
    if (op === 'not_empty') {
      return isCustomArray
        ? sql`coalesce(jsonb_array_length(${value}), 0) > 0`
        : sql`cardinality(${value}) > 0`;
    }
    if (isCustomArray) {
      return op === 'in' ? sql`${value} ?| ${list}::text[]` : sql`${value} @> ${JSON.stringify(list)}::jsonb`;
    }
    return op === 'in' ? sql`${value} && ${list}::text[]` : sql`${value} @> ${list}::text[]`;
  }
  switch (op) {
    case 'empty':
      return filter.spec.kind === 'text' ? sql`coalesce(${value}::text, '') = ''` : sql`${value} is null`;
    case 'not_empty':
      return filter.spec.kind === 'text'
        ? sql`coalesce(${value}::text, '') <> ''`
        : sql`${value} is not null`;
    case 'contains':
      return sql`${value}::text ilike ${`%${escapeLike(String(filter.value))}%`}`;
    case 'in':
      return sql`${value} = any(${filter.value}::${sql.raw(arrayType[filter.spec.kind] ?? 'text[]')})`;
    case 'eq':
      return sql`${value} = ${filter.value}`;
    case 'neq':
      return sql`${value} is distinct from ${filter.value}`;
    case 'lt':
      return sql`${value} < ${filter.value}`;
    case 'lte':
      return sql`${value} <= ${filter.value}`;
    case 'gt':
      return sql`${value} > ${filter.value}`;
    case 'gte':
      return sql`${value} >= ${filter.value}`;
  }
}

export function orderBy(sort: Sort, table?: string): RawBuilder<unknown> {
  const column = valueExpression({ field: sort.field, spec: sort.spec }, table);
  const id = sql.ref(table ? `${table}.id` : 'id');
  // PostgreSQL's default null placement (last ascending, first descending) lets one btree index
  // (workspace_id, column, id) serve both directions.
  return sort.direction === 'asc' ? sql`${column} asc, ${id} asc` : sql`${column} desc, ${id} desc`;
}

/**
 * The same order over an expression no index provides, so the planner fetches every row that
 * qualifies (through another index) and sorts them, instead of walking the sort index. For a search
 * whose matches lie far down the sort order (a surname searched in a list sorted by surname), that
 * walk tests most of the table before it finds a page (list-page.ts).
 */
export function orderByWithoutIndex(sort: Sort, table?: string): RawBuilder<unknown> {
  const column = valueExpression({ field: sort.field, spec: sort.spec }, table);
  const unindexed = unindexedValue(sort.spec.kind, column);
  if (!unindexed) return orderBy(sort, table);
  const id = sql.ref(table ? `${table}.id` : 'id');
  return sort.direction === 'asc' ? sql`${unindexed} asc, ${id} asc` : sql`${unindexed} desc, ${id} desc`;
}

function unindexedValue(kind: Sort['spec']['kind'], column: RawBuilder<unknown>): RawBuilder<unknown> | null {
  switch (kind) {
    case 'text':
      return sql`(${column} || '')`;
    case 'number':
    case 'date':
      return sql`(${column} + 0)`;
    case 'timestamp':
      return sql`(${column} + interval '0 seconds')`;
    default:
      return null;
  }
}

/**
 * The whole sort order as ranges to read one after the other, like afterCursor: a nullable column's
 * values and its nulls are two ranges.
 */
export function wholeOrder(sort: Sort, table?: string): RawBuilder<SqlBool>[] {
  if (!sort.spec.nullable) return [sql<SqlBool>`true`];
  const column = valueExpression({ field: sort.field, spec: sort.spec }, table);
  const values = sql<SqlBool>`${column} is not null`;
  const nulls = sql<SqlBool>`${column} is null`;
  return sort.direction === 'asc' ? [values, nulls] : [nulls, values];
}

/**
 * Rows strictly after the cursor in the sort order (keyset pagination), as ranges to read one after
 * the other. Each range is one index range scan of (workspace_id, column, id); a nullable column
 * needs two, because its nulls sort after (ascending) or before (descending) every value and no
 * single row comparison reaches both.
 */
export function afterCursor(sort: Sort, cursor: Cursor, table?: string): RawBuilder<SqlBool>[] {
  const column = valueExpression({ field: sort.field, spec: sort.spec }, table);
  const id = sql.ref(table ? `${table}.id` : 'id');
  const cast = castOf[sort.spec.kind];
  const value = cast ? sql`${cursor.value}::${sql.raw(cast)}` : sql`${cursor.value}`;
  if (sort.direction === 'asc') {
    if (cursor.value === null) return [sql`${column} is null and ${id} > ${cursor.id}`];
    const values = sql<SqlBool>`(${column}, ${id}) > (${value}, ${cursor.id})`;
    return sort.spec.nullable ? [values, sql`${column} is null`] : [values];
  }
  if (cursor.value === null)
    return [sql`${column} is null and ${id} < ${cursor.id}`, sql`${column} is not null`];
  return [sql`(${column}, ${id}) < (${value}, ${cursor.id})`];
}

export function cursorValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return value;
  return String(value);
}
