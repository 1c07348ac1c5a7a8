import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { TableFacts, TablePlan } from './backup-plan.ts';

// Every statement here names tables and columns found at run time, so it runs without the
// CamelCasePlugin: identifiers and result keys stay exactly as the catalogue spells them.

/** Tables of our schema (not of extensions, not partitions) with their columns, primary key and parents. */
export async function describeTables(db: Kysely<DB>): Promise<TableFacts[]> {
  const result = await sql<TableFacts>`
    select c.relname::text as name,
      (select coalesce(json_agg(json_build_object(
          'name', a.attname,
          'generated', a.attgenerated <> '',
          'sequence', a.attidentity <> '' or coalesce(pg_get_expr(d.adbin, d.adrelid) like 'nextval(%', false)
        ) order by a.attnum), '[]')
        from pg_attribute a
        left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
      (select coalesce(array_agg(a.attname::text order by k.position), '{}')
        from pg_index i
        cross join unnest(i.indkey) with ordinality as k(attnum, position)
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = c.oid and i.indisprimary) as "primaryKey",
      (select coalesce(array_agg(distinct p.relname::text), '{}')
        from pg_constraint f
        join pg_class p on p.oid = f.confrelid
        where f.conrelid = c.oid and f.contype = 'f') as "references"
    from pg_class c
    where c.relnamespace = current_schema()::regnamespace
      and c.relkind in ('r', 'p')
      and not c.relispartition
      and not exists (
        select 1 from pg_depend e where e.classid = 'pg_class'::regclass and e.objid = c.oid and e.deptype = 'e'
      )
    order by c.relname`.execute(db.withoutPlugins());
  return result.rows;
}

/** Timestamps in the dump read the same whichever zone the server runs in. */
export async function useUtcForThisTransaction(trx: Kysely<DB>): Promise<void> {
  await sql`set local time zone 'UTC'`.execute(trx);
}

export type RowFilter = { workspaceId: string } | null;

function whereOf(table: TablePlan, filter: RowFilter): RawBuilder<boolean> {
  if (filter === null) return sql<boolean>`true`;
  switch (table.scope) {
    case 'workspace':
      return sql<boolean>`id = ${filter.workspaceId}`;
    case 'members':
      return sql<boolean>`id in (select user_id from memberships where workspace_id = ${filter.workspaceId})`;
    case 'tenant':
      return sql<boolean>`workspace_id = ${filter.workspaceId}`;
    case 'global':
      throw new Error(`table ${table.name} has no workspace scope`);
  }
}

export interface RowPage {
  /** Each row as PostgreSQL's own JSON text: exact for int8, numeric, timestamps and bytea (hex). */
  rows: string[];
  /** Primary key of the last row as text, to continue after; null when this was the last page. */
  lastKey: string[] | null;
}

/** One keyset page of rows in primary-key order, after `after` (a previous page's lastKey). */
export async function readPage(
  db: Kysely<DB>,
  table: TablePlan,
  filter: RowFilter,
  after: string[] | null,
  limit: number,
): Promise<RowPage> {
  const key = sql.join(table.primaryKey.map((column) => sql.id(column)));
  const keyOfX = table.primaryKey.map((column) => sql`x.${sql.id(column)}`);
  const resume = after === null ? sql`true` : sql`(${key}) > (${sql.join(after)})`;
  const result = await sql<{ r: string; k: string[] }>`
    select row_to_json(x)::text as r, array[${sql.join(keyOfX.map((column) => sql`${column}::text`))}] as k
    from (
      select ${sql.join(table.columns.map((column) => sql.id(column)))}
      from ${sql.id(table.name)}
      where ${whereOf(table, filter)} and ${resume}
      order by ${key}
      limit ${limit}
    ) x
    order by ${sql.join(keyOfX)}`.execute(db.withoutPlugins());
  const rows = result.rows.map((row) => row.r);
  return { rows, lastKey: rows.length < limit ? null : (result.rows.at(-1)?.k ?? null) };
}

/**
 * Inserts rows given as a JSON array of objects keyed by column name; PostgreSQL converts each value
 * to its column's type. `keepExisting` skips rows whose primary key is already there.
 */
export async function insertRows(
  db: Kysely<DB>,
  table: TablePlan,
  rowsJson: string,
  keepExisting: boolean,
): Promise<void> {
  const columns = sql.join(table.columns.map((column) => sql.id(column)));
  const onConflict = keepExisting
    ? sql`on conflict (${sql.join(table.primaryKey.map((column) => sql.id(column)))}) do nothing`
    : sql``;
  await sql`
    insert into ${sql.id(table.name)} (${columns})
    select ${columns} from json_populate_recordset(null::${sql.id(table.name)}, ${rowsJson}::json)
    ${onConflict}`.execute(db.withoutPlugins());
}

/** Emails of users in `rowsJson` that the database already has under another id. */
export async function emailsTakenByOtherUsers(db: Kysely<DB>, rowsJson: string): Promise<string[]> {
  const result = await sql<{ email: string }>`
    select r.email
    from json_populate_recordset(null::users, ${rowsJson}::json) r
    join users u on lower(u.email) = lower(r.email) and u.id <> r.id`.execute(db.withoutPlugins());
  return result.rows.map((row) => row.email);
}

export async function tableHasRows(db: Kysely<DB>, table: string): Promise<boolean> {
  const result = await sql<{
    found: boolean;
  }>`select exists (select 1 from ${sql.id(table)}) as found`.execute(db.withoutPlugins());
  return result.rows[0]?.found ?? false;
}

export async function workspaceExists(db: Kysely<DB>, workspaceId: string): Promise<boolean> {
  const result = await sql<{
    found: boolean;
  }>`select exists (select 1 from workspaces where id = ${workspaceId}) as found`.execute(
    db.withoutPlugins(),
  );
  return result.rows[0]?.found ?? false;
}

/** Fresh planner statistics and visibility maps after a bulk load (PGlite has no autovacuum). */
export async function vacuumAnalyze(db: Kysely<DB>, tables: string[]): Promise<void> {
  if (tables.length === 0) return;
  await sql`vacuum (analyze) ${sql.join(tables.map((table) => sql.id(table)))}`.execute(db.withoutPlugins());
}
