import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

const columns = ['id', 'userId', 'name', 'scope', 'createdAt', 'lastUsedAt', 'revokedAt'] as const;

export function listTokens(db: Kysely<DB>, workspaceId: string, userId: string | null) {
  let query = db.selectFrom('apiTokens').select(columns).where('workspaceId', '=', workspaceId);
  if (userId) query = query.where('userId', '=', userId);
  return query.orderBy('createdAt', 'desc').limit(1000).execute();
}

export function findToken(db: Kysely<DB>, workspaceId: string, id: string) {
  return db
    .selectFrom('apiTokens')
    .select(columns)
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertToken(
  db: Kysely<DB>,
  token: { workspaceId: string; id: string; userId: string; name: string; tokenHash: Buffer; scope: string },
): Promise<void> {
  await db.insertInto('apiTokens').values(token).execute();
}

export async function revokeToken(db: Kysely<DB>, workspaceId: string, id: string, at: Date): Promise<void> {
  await db
    .updateTable('apiTokens')
    .set({ revokedAt: at })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}
