import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

export async function countWorkspaces(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('workspaces')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Serialises first-run setup: two concurrent requests must not both create "the first" workspace. */
export async function lockSetup(db: Kysely<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(72616466)`.execute(db);
}

export async function insertWorkspace(
  db: Kysely<DB>,
  workspace: { id: string; name: string; timeZone?: string; locale?: string },
): Promise<void> {
  await db.insertInto('workspaces').values(workspace).execute();
}

export function findWorkspace(db: Kysely<DB>, id: string) {
  return db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateWorkspace(
  db: Kysely<DB>,
  id: string,
  patch: {
    name?: string;
    timeZone?: string;
    currency?: string;
    locale?: string;
    defaultCountry?: string;
    updatedAt: Date;
  },
): Promise<void> {
  await db.updateTable('workspaces').set(patch).where('id', '=', id).execute();
}

export async function findDefaultCountry(db: Kysely<DB>, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('workspaces')
    .select('defaultCountry')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.defaultCountry;
}
