import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export function findSession(db: Kysely<DB>, workspaceId: string, sessionId: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('memberships', (join) =>
      join
        .onRef('memberships.workspaceId', '=', 'sessions.workspaceId')
        .onRef('memberships.userId', '=', 'sessions.userId'),
    )
    .select([
      'sessions.userId',
      'sessions.tokenHash',
      'sessions.csrfToken',
      'sessions.expiresAt',
      'memberships.role',
    ])
    .where('sessions.workspaceId', '=', workspaceId)
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
}

export function findApiToken(db: Kysely<DB>, workspaceId: string, tokenId: string) {
  return db
    .selectFrom('apiTokens')
    .innerJoin('memberships', (join) =>
      join
        .onRef('memberships.workspaceId', '=', 'apiTokens.workspaceId')
        .onRef('memberships.userId', '=', 'apiTokens.userId'),
    )
    .select([
      'apiTokens.userId',
      'apiTokens.tokenHash',
      'apiTokens.scope',
      'apiTokens.revokedAt',
      'apiTokens.lastUsedAt',
      'memberships.role',
    ])
    .where('apiTokens.workspaceId', '=', workspaceId)
    .where('apiTokens.id', '=', tokenId)
    .executeTakeFirst();
}

export async function touchApiToken(
  db: Kysely<DB>,
  workspaceId: string,
  tokenId: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('apiTokens')
    .set({ lastUsedAt: at })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', tokenId)
    .execute();
}

export async function insertSession(
  db: Kysely<DB>,
  session: {
    workspaceId: string;
    id: string;
    userId: string;
    tokenHash: Buffer;
    csrfToken: string;
    ip: string | null;
    userAgent: string | null;
    expiresAt: Date;
  },
): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

export async function deleteSession(db: Kysely<DB>, workspaceId: string, sessionId: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', sessionId)
    .execute();
}

/** Signs a user out everywhere (every workspace) except the session given. */
export async function deleteOtherSessionsOfUser(
  db: Kysely<DB>,
  userId: string,
  keepSessionId: string | null,
): Promise<void> {
  let query = db.deleteFrom('sessions').where('userId', '=', userId);
  if (keepSessionId) query = query.where('id', '<>', keepSessionId);
  await query.execute();
}

export function csrfTokenOfSession(db: Kysely<DB>, workspaceId: string, sessionId: string) {
  return db
    .selectFrom('sessions')
    .select('csrfToken')
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', sessionId)
    .executeTakeFirst();
}
