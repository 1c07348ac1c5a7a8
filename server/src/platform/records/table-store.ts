import type { RecordType } from '@baken/core/custom-fields/custom-field.schema';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { RecordStore } from './record-writes.ts';

type RecordTable = 'accounts' | 'contacts' | 'deals' | 'activities';

/** The primary-key reads and writes of a record table, always inside one workspace. */
export function tableStore<T extends RecordTable>(
  table: T,
  entityType: RecordType,
  label: string,
): RecordStore<Selectable<DB[T]> & { id: string; ownerId: string | null; custom: Record<string, unknown> }> {
  // One code path for four tables: Kysely cannot type a table name chosen at run time.
  // biome-ignore lint/suspicious/noExplicitAny: rows are typed by the return type of each method instead.
  const from = (db: Kysely<DB>) => db as unknown as Kysely<any>;
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
    async insert(db, values) {
      return (await from(db)
        .insertInto(name)
        .values(values as never)
        .returningAll()
        .executeTakeFirstOrThrow()) as Row;
    },
    async update(db, workspaceId, id, patch) {
      return (await from(db)
        .updateTable(name)
        .set(patch as never)
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow()) as Row;
    },
    async remove(db, workspaceId, id) {
      await from(db).deleteFrom(name).where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
    },
  };
}
