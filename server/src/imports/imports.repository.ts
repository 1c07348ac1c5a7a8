import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { DB, ImportTable } from '../platform/db/schema.ts';
import type { ImportTarget } from './import-targets.ts';

export type ImportRow = NonNullable<Awaited<ReturnType<typeof findImport>>>;

export function findImport(db: Kysely<DB>, workspaceId: string, id: string, forUpdate = false) {
  const query = db
    .selectFrom('imports')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

export function listImports(db: Kysely<DB>, workspaceId: string, limit: number) {
  return db
    .selectFrom('imports')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertImport(db: Kysely<DB>, values: Insertable<ImportTable>): Promise<void> {
  await db.insertInto('imports').values(values).execute();
}

export async function updateImport(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  patch: Updateable<ImportTable>,
): Promise<void> {
  await db
    .updateTable('imports')
    .set(patch)
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** The batch's checkpoint, in the batch's transaction: rows done so far and the counts added. */
export async function saveCheckpoint(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  rowsDone: number,
  added: { created: number; updated: number; unchanged: number; failed: number },
  now: Date,
): Promise<void> {
  await db
    .updateTable('imports')
    .set((eb) => ({
      rowsDone,
      createdCount: eb('createdCount', '+', added.created),
      updatedCount: eb('updatedCount', '+', added.updated),
      unchangedCount: eb('unchangedCount', '+', added.unchanged),
      failedCount: eb('failedCount', '+', added.failed),
      updatedAt: now,
    }))
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function insertFileChunk(
  db: Kysely<DB>,
  workspaceId: string,
  importId: string,
  seq: number,
  data: Buffer,
): Promise<void> {
  await db.insertInto('importFileChunks').values({ workspaceId, importId, seq, data }).execute();
}

/** The stored file, one chunk at a time. */
export async function* fileChunks(
  db: Kysely<DB>,
  workspaceId: string,
  importId: string,
): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const chunk = await db
      .selectFrom('importFileChunks')
      .select('data')
      .where('workspaceId', '=', workspaceId)
      .where('importId', '=', importId)
      .where('seq', '=', seq)
      .executeTakeFirst();
    if (!chunk) return;
    yield chunk.data;
  }
}

export async function deleteFileChunks(db: Kysely<DB>, workspaceId: string, importId: string): Promise<void> {
  await db
    .deleteFrom('importFileChunks')
    .where('workspaceId', '=', workspaceId)
    .where('importId', '=', importId)
    .execute();
}

/** The numbers of the rows that failed up to `throughRow`: on a new attempt they claim no match key. */
export async function failedRowNumbers(
  db: Kysely<DB>,
  workspaceId: string,
  importId: string,
  throughRow: number,
): Promise<Set<number>> {
  const rows = await db
    .selectFrom('importFailures')
    .select('rowNumber')
    .where('workspaceId', '=', workspaceId)
    .where('importId', '=', importId)
    .where('rowNumber', '<=', throughRow + 1)
    .execute();
  return new Set(rows.map((row) => row.rowNumber));
}

/** Failed rows after `afterRow`, in row order: one page of the error report. */
export function failuresAfter(
  db: Kysely<DB>,
  workspaceId: string,
  importId: string,
  afterRow: number,
  limit: number,
) {
  return db
    .selectFrom('importFailures')
    .select(['rowNumber', 'reason', 'cells'])
    .where('workspaceId', '=', workspaceId)
    .where('importId', '=', importId)
    .where('rowNumber', '>', afterRow)
    .orderBy('rowNumber')
    .limit(limit)
    .execute();
}

/** The current role of a member, or null when they left the workspace. */
export async function roleOfMember(
  db: Kysely<DB>,
  workspaceId: string,
  userId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('workspaceId', '=', workspaceId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

/** Records of the import changed after it wrote them (or, for created ones, at all since). */
export async function countChangedSince(
  db: Kysely<DB>,
  target: ImportTarget,
  workspaceId: string,
  importId: string,
) {
  const { rows } = await sql<{ count: number }>`
    select count(*)::int as count from import_records r
    join ${sql.table(target.table)} t on t.workspace_id = r.workspace_id and t.id = r.record_id
    where r.workspace_id = ${workspaceId} and r.import_id = ${importId} and r.record_type = ${target.recordType}
      and t.updated_at <> r.written_at`.execute(db);
  return rows[0]?.count ?? 0;
}

/** Deletes the records of one type the import created; returns how many. */
export async function deleteCreatedRecords(
  db: Kysely<DB>,
  target: Pick<ImportTarget, 'table' | 'recordType'>,
  workspaceId: string,
  importId: string,
): Promise<number> {
  const result = await sql`
    delete from ${sql.table(target.table)} t using import_records r
    where r.workspace_id = ${workspaceId} and r.import_id = ${importId} and r.record_type = ${target.recordType}
      and r.action = 'created' and t.workspace_id = r.workspace_id and t.id = r.record_id`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Gives the records the import changed their previous values back (only the columns it changed). */
export async function restoreUpdatedRecords(
  db: Kysely<DB>,
  target: ImportTarget,
  workspaceId: string,
  importId: string,
): Promise<number> {
  const set = [...target.columns, { column: 'updated_at', type: 'timestamptz' }]
    .map(({ column, type }) => {
      const old = type === 'jsonb' ? `r.before->'${column}'` : `(r.before->>'${column}')::${type}`;
      return `${column} = case when r.before ? '${column}' then ${old} else t.${column} end`;
    })
    .join(', ');
  const result = await sql`
    update ${sql.table(target.table)} t set ${sql.raw(set)}
    from import_records r
    where r.workspace_id = ${workspaceId} and r.import_id = ${importId} and r.record_type = ${target.recordType}
      and r.action = 'updated' and t.workspace_id = r.workspace_id and t.id = r.record_id`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
