import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

export function listTags(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('tags')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .orderBy('name')
    .limit(5000)
    .execute();
}

export function findTag(db: Kysely<DB>, workspaceId: string, id: string) {
  return db
    .selectFrom('tags')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Adds the names not yet in the catalogue; returns each name as the catalogue spells it. One
 * statement: the names it adds come from `returning`, the others from the catalogue as it was. Only
 * when a concurrent writer added one of the names meanwhile is the catalogue read again.
 */
export async function upsertTagNames(
  db: Kysely<DB>,
  workspaceId: string,
  tags: { id: string; name: string }[],
): Promise<Map<string, string>> {
  if (tags.length === 0) return new Map();
  const lowerNames = tags.map((tag) => tag.name.toLowerCase());
  const { rows } = await sql<{ name: string }>`with added as (
      insert into tags (workspace_id, id, name)
      select ${workspaceId}::uuid, tag.id, tag.name
      from unnest(${tags.map((tag) => tag.id)}::uuid[], ${tags.map((tag) => tag.name)}::text[]) as tag(id, name)
      on conflict (workspace_id, lower(name)) do nothing
      returning name)
    select name from added
    union all
    select name from tags where workspace_id = ${workspaceId} and lower(name) = any(${lowerNames}::text[])`.execute(
    db,
  );
  const canonical = new Map(rows.map((row) => [row.name.toLowerCase(), row.name]));
  if (lowerNames.every((name) => canonical.has(name))) return canonical;
  const again = await db
    .selectFrom('tags')
    .select('name')
    .where('workspaceId', '=', workspaceId)
    .where(sql<boolean>`lower(name) = any(${lowerNames}::text[])`)
    .execute();
  return new Map(again.map((row) => [row.name.toLowerCase(), row.name]));
}

export async function insertTag(
  db: Kysely<DB>,
  tag: { workspaceId: string; id: string; name: string; color: string | null },
) {
  return db.insertInto('tags').values(tag).returningAll().executeTakeFirstOrThrow();
}

export async function updateTag(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  patch: { name?: string; color?: string | null; updatedAt: Date },
) {
  return db
    .updateTable('tags')
    .set(patch)
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteTag(db: Kysely<DB>, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('tags').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}

const taggedTables = ['accounts', 'contacts', 'deals'] as const;

/** Renames (or with `to` null removes) a tag on every record of the workspace, set-based. */
export async function retagRecords(
  db: Kysely<DB>,
  workspaceId: string,
  from: string,
  to: string | null,
): Promise<void> {
  for (const table of taggedTables) {
    await db
      .updateTable(table)
      .set({
        tags: to === null ? sql`array_remove(tags, ${from})` : sql`array_replace(tags, ${from}, ${to})`,
      })
      .where('workspaceId', '=', workspaceId)
      .where(sql<boolean>`tags @> array[${from}]::text[]`)
      .execute();
  }
}
