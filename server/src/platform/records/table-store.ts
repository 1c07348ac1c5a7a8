import type { RecordType } from '@baken/core/custom-fields/custom-field.schema';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { RecordStore, RowInsert } from './record-writes.ts';

type RecordTable = 'accounts' | 'contacts' | 'deals' | 'activities';
// One code path for four tables: Kysely cannot type a table name chosen at run time.
// biome-ignore lint/suspicious/noExplicitAny: rows are typed by the return type of each method instead.
type AnyDb = Kysely<any>;

/**
 * The rows to insert together with a record's write, as data-modifying `with` clauses of the same
 * statement: one round trip to the database for the record, its audit row and e.g. a stage change.
 */
function withInserts(db: Kysely<DB>, inserts: RowInsert[]): AnyDb {
  let query = db as unknown as AnyDb;
  inserts.forEach((insert, index) => {
    query = query.with(`alongside_${index}`, (qb) =>
      qb.insertInto(insert.table).values(insert.values as never),
    ) as unknown as AnyDb;
  });
  return query;
}

/** The primary-key reads and writes of a record table, always inside one workspace. */
export function tableStore<T extends RecordTable>(
  table: T,
  entityType: RecordType,
  label: string,
): RecordStore<Selectable<DB[T]> & { id: string; ownerId: string | null; custom: Record<string, unknown> }> {
  const from = (db: Kysely<DB>) => db as unknown as AnyDb;
  const name: string = table;
  type Row = Selectable<DB[T]> & { id: string; ownerId: string | null; custom: Record<string, unknown> };
  return {
    entityType,
    label,
    async find(db, workspaceId, id, forUpdate = false) {
      const query = from(db)
        .selectFrom(name)
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id);
      return (await (forUpdate ? query.forUpdate() : query).executeTakeFirst()) as Row | undefined;
    },
    async insert(db, values, alongside = []) {
      return (await withInserts(db, alongside)
        .insertInto(name)
        .values(values as never)
        .returningAll()
        .executeTakeFirstOrThrow()) as Row;
    },
    async update(db, workspaceId, id, patch, alongside = []) {
      return (await withInserts(db, alongside)
        .updateTable(name)
        .set(patch as never)
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow()) as Row;
    },
    async remove(db, workspaceId, id, alongside = []) {
      await withInserts(db, alongside)
        .deleteFrom(name)
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
  };
}
