import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

export function listDefinitions(db: Kysely<DB>, workspaceId: string, recordType?: string) {
  let query = db.selectFrom('customFieldDefinitions').selectAll().where('workspaceId', '=', workspaceId);
  if (recordType) query = query.where('recordType', '=', recordType);
  return query.orderBy('recordType').orderBy('position').orderBy('key').execute();
}

export function findDefinition(db: Kysely<DB>, workspaceId: string, id: string) {
  return db
    .selectFrom('customFieldDefinitions')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertDefinition(
  db: Kysely<DB>,
  definition: {
    workspaceId: string;
    id: string;
    recordType: string;
    key: string;
    label: string;
    type: string;
    options: string[];
    required: boolean;
    position: number;
  },
) {
  return db.insertInto('customFieldDefinitions').values(definition).returningAll().executeTakeFirstOrThrow();
}

export function updateDefinition(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  patch: { label?: string; options?: string[]; required?: boolean; position?: number; updatedAt: Date },
) {
  return db
    .updateTable('customFieldDefinitions')
    .set(patch)
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteDefinition(db: Kysely<DB>, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom('customFieldDefinitions')
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

const tableOf = { account: 'accounts', contact: 'contacts', deal: 'deals', activity: 'activities' } as const;

/** Removes one custom field's values from every record of its type, set-based. */
export async function deleteValues(
  db: Kysely<DB>,
  workspaceId: string,
  recordType: keyof typeof tableOf,
  key: string,
): Promise<void> {
  await db
    .updateTable(tableOf[recordType])
    .set({ custom: sql`custom - ${key}` })
    .where('workspaceId', '=', workspaceId)
    .where(sql<boolean>`custom ? ${key}`)
    .execute();
}
