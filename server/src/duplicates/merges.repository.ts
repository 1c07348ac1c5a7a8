import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { type RecordType, tableOf } from './duplicates.repository.ts';

type Db = Kysely<DB>;
type Row = Record<string, unknown> & { id: string; ownerId: string | null; updatedAt: Date };

// Records are kept for undo as to_jsonb of the row (every column but the generated search text,
// with microseconds and exact types) and written back through jsonb_populate_record, so an undo
// restores them exactly, including columns added after this code was written.

const columnCache = new Map<string, Promise<string[]>>();

/** The columns a write may set (not generated ones), in table order; the same for every workspace. */
function writableColumns(db: Db, table: string): Promise<string[]> {
  let columns = columnCache.get(table);
  if (!columns) {
    columns = sql<{ name: string }>`select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER'
      order by ordinal_position`
      .execute(db)
      .then((result) => result.rows.map((row) => row.name));
    columnCache.set(table, columns);
    columns.catch(() => columnCache.delete(table));
  }
  return columns;
}

const columnList = (columns: string[]) => sql.join(columns.map((column) => sql.id(column)));

/** Both records, locked in id order (two merges of the same pair cannot deadlock), as rows and snapshots. */
export async function lockRecords(db: Db, workspaceId: string, recordType: RecordType, ids: string[]) {
  const table = tableOf[recordType];
  const { rows } = await sql<{ id: string; snapshot: Record<string, unknown> }>`
    select t.id, to_jsonb(t) - 'search_text' as snapshot from ${sql.table(table)} t
    where t.workspace_id = ${workspaceId} and t.id = any(${`{${ids.join(',')}}`}::uuid[])
    order by t.id for update`.execute(db);
  const records = await readRecords(db, workspaceId, recordType, ids);
  return ids.map((id) => {
    const row = records.find((record) => record.id === id);
    const snapshot = rows.find((record) => record.id === id)?.snapshot;
    return row && snapshot ? { row, snapshot } : null;
  });
}

export async function readRecords(db: Db, workspaceId: string, recordType: RecordType, ids: string[]) {
  const table = tableOf[recordType];
  return (await (db as unknown as Kysely<Record<string, Row & { workspaceId: string }>>)
    .selectFrom(table)
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('id', 'in', ids)
    .execute()) as Row[];
}

export async function updateRecord(
  db: Db,
  workspaceId: string,
  recordType: RecordType,
  id: string,
  values: Record<string, unknown>,
): Promise<Row> {
  const table = tableOf[recordType];
  const patch = 'custom' in values ? { ...values, custom: JSON.stringify(values.custom) } : values;
  return (await (db as unknown as Kysely<Record<string, Row & { workspaceId: string }>>)
    .updateTable(table)
    .set(patch as never)
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()) as Row;
}

export async function deleteRecord(db: Db, workspaceId: string, recordType: RecordType, id: string) {
  await sql`delete from ${sql.table(tableOf[recordType])} where workspace_id = ${workspaceId} and id = ${id}`.execute(
    db,
  );
}

/** Writes a kept snapshot back over the record's row (the record still exists). */
export async function restoreSnapshot(
  db: Db,
  workspaceId: string,
  recordType: RecordType,
  id: string,
  snapshot: Record<string, unknown>,
) {
  const table = tableOf[recordType];
  const columns = (await writableColumns(db, table)).filter(
    (column) => column !== 'workspace_id' && column !== 'id',
  );
  await sql`update ${sql.table(table)} t set (${columnList(columns)}) =
    (select ${columnList(columns)} from jsonb_populate_record(null::${sql.table(table)}, ${JSON.stringify(snapshot)}::jsonb))
    where t.workspace_id = ${workspaceId} and t.id = ${id}`.execute(db);
}

/** Inserts a record again from a kept snapshot, with its id and every value it had. */
export async function insertSnapshot(db: Db, recordType: RecordType, snapshot: Record<string, unknown>) {
  const table = tableOf[recordType];
  const columns = await writableColumns(db, table);
  await sql`insert into ${sql.table(table)} (${columnList(columns)})
    select ${columnList(columns)} from jsonb_populate_record(null::${sql.table(table)}, ${JSON.stringify(snapshot)}::jsonb)`.execute(
    db,
  );
}

const mergeColumns = [
  'id',
  'recordType',
  'survivorId',
  'mergedId',
  'survivorBefore',
  'mergedBefore',
  'survivorAfterUpdatedAt',
  'moved',
  'status',
  'mergedAt',
  'mergedBy',
  'undoneAt',
] as const;

export function insertMerge(
  db: Db,
  row: {
    workspaceId: string;
    id: string;
    recordType: RecordType;
    survivorId: string;
    mergedId: string;
    survivorBefore: Record<string, unknown>;
    mergedBefore: Record<string, unknown>;
    survivorAfterUpdatedAt: Date;
    moved: Record<string, unknown>;
    mergedAt: Date;
    mergedBy: string;
  },
) {
  return db
    .insertInto('merges')
    .values({
      ...row,
      survivorBefore: JSON.stringify(row.survivorBefore),
      mergedBefore: JSON.stringify(row.mergedBefore),
      moved: JSON.stringify(row.moved),
      status: 'done',
    })
    .returning(mergeColumns)
    .executeTakeFirstOrThrow();
}

export function findMerge(db: Db, workspaceId: string, id: string, forUpdate = false) {
  const query = db
    .selectFrom('merges')
    .select(mergeColumns)
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

export function markUndone(db: Db, workspaceId: string, id: string, at: Date, by: string) {
  return db
    .updateTable('merges')
    .set({ status: 'undone', undoneAt: at, undoneBy: by })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .returning(mergeColumns)
    .executeTakeFirstOrThrow();
}

/** The pair a merge closed, if it came from the review list. */
export async function reopenPairOfMerge(
  db: Db,
  workspaceId: string,
  mergeId: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('duplicatePairs')
    .set({ status: 'open', mergeId: null, resolvedBy: null, updatedAt: at })
    .where('workspaceId', '=', workspaceId)
    .where('mergeId', '=', mergeId)
    .execute();
}
