import { MAX_SAVED_VIEWS_PER_LIST, type SavedViewList } from '@baken/core/saved-views/saved-view.schema';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

// Every query names the workspace and the user: a view is its owner's alone, like a profile.

const columns = ['id', 'list', 'name', 'view', 'createdAt', 'updatedAt'] as const;

export function listSavedViews(db: Kysely<DB>, workspaceId: string, userId: string, list: SavedViewList) {
  return db
    .selectFrom('savedViews')
    .select(columns)
    .where('workspaceId', '=', workspaceId)
    .where('userId', '=', userId)
    .where('list', '=', list)
    .orderBy(sql`lower(name)`)
    .orderBy('name')
    .orderBy('id')
    .limit(MAX_SAVED_VIEWS_PER_LIST)
    .execute();
}

export function findSavedView(db: Kysely<DB>, workspaceId: string, userId: string, id: string) {
  return db
    .selectFrom('savedViews')
    .select(columns)
    .where('workspaceId', '=', workspaceId)
    .where('userId', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The user's view of `list` with this name in any case (the unique index's terms). */
export function findSavedViewByName(
  db: Kysely<DB>,
  workspaceId: string,
  userId: string,
  list: SavedViewList,
  name: string,
) {
  return db
    .selectFrom('savedViews')
    .select(columns)
    .where('workspaceId', '=', workspaceId)
    .where('userId', '=', userId)
    .where('list', '=', list)
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .executeTakeFirst();
}

export async function countSavedViews(
  db: Kysely<DB>,
  workspaceId: string,
  userId: string,
  list: SavedViewList,
): Promise<number> {
  const row = await db
    .selectFrom('savedViews')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('workspaceId', '=', workspaceId)
    .where('userId', '=', userId)
    .where('list', '=', list)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Serialises the saves of one user in this transaction (released at its end), so that the limit
 * count and the look-up by name stay true until the insert.
 */
export async function lockSavedViewsOf(db: Kysely<DB>, workspaceId: string, userId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`saved_views:${workspaceId}:${userId}`}, 0))`.execute(
    db,
  );
}

export function insertSavedView(
  db: Kysely<DB>,
  row: {
    workspaceId: string;
    id: string;
    userId: string;
    list: SavedViewList;
    name: string;
    view: string;
    createdAt: Date;
    updatedAt: Date;
  },
) {
  return db.insertInto('savedViews').values(row).returning(columns).executeTakeFirstOrThrow();
}

export function updateSavedView(
  db: Kysely<DB>,
  workspaceId: string,
  userId: string,
  id: string,
  patch: { name?: string; view?: string; updatedAt: Date },
) {
  return db
    .updateTable('savedViews')
    .set(patch)
    .where('workspaceId', '=', workspaceId)
    .where('userId', '=', userId)
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function deleteSavedView(
  db: Kysely<DB>,
  workspaceId: string,
  userId: string,
  id: string,
): Promise<void> {
  await db
    .deleteFrom('savedViews')
    .where('workspaceId', '=', workspaceId)
    .where('userId', '=', userId)
    .where('id', '=', id)
    .execute();
}
