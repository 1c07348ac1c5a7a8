import type { notificationKinds } from '@baken/core/notifications/notification.schema';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

export interface NewNotification {
  workspaceId: string;
  userId: string;
  kind: (typeof notificationKinds)[number];
  subject: Record<string, unknown>;
  createdAt: Date;
}

export async function insertNotifications(db: Kysely<DB>, rows: NewNotification[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('notifications')
    .values(rows.map((row) => ({ ...row, subject: JSON.stringify(row.subject) })))
    .execute();
}

/** A person's latest notifications, and how many they have not read. */
export async function notificationsOf(db: Kysely<DB>, workspaceId: string, userId: string, limit: number) {
  const [rows, unread] = await Promise.all([
    db
      .selectFrom('notifications')
      .select(['id', 'kind', 'subject', 'createdAt', 'readAt'])
      .where('workspaceId', '=', workspaceId)
      .where('userId', '=', userId)
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('workspaceId', '=', workspaceId)
      .where('userId', '=', userId)
      .where('readAt', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, unread: Number(unread.count) };
}

/** Marks a person's notifications read (the given ones, or all); answers how many changed. */
export async function markRead(
  db: Kysely<DB>,
  workspaceId: string,
  userId: string,
  at: Date,
  ids: string[] | 'all',
): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ readAt: at })
    .where('workspaceId', '=', workspaceId)
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .$if(ids !== 'all', (query) => query.where('id', '=', sql<string>`any(${ids}::uuid[])`))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** How many of the given ids are notifications of this person. */
export async function countOwn(db: Kysely<DB>, workspaceId: string, userId: string, ids: string[]) {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('workspaceId', '=', workspaceId)
    .where('userId', '=', userId)
    .where('id', '=', sql<string>`any(${ids}::uuid[])`)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
