import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

export function findUserById(db: Kysely<DB>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(
  db: Kysely<DB>,
  user: {
    id: string;
    email: string;
    name: string;
    passwordHash: string;
    locale?: string;
    timeZone?: string | null;
  },
): Promise<void> {
  await db
    .insertInto('users')
    .values({ timeZone: null, ...user })
    .execute();
}

export async function updateUser(
  db: Kysely<DB>,
  id: string,
  patch: { name?: string; locale?: string; timeZone?: string | null; passwordHash?: string; updatedAt: Date },
): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** The workspaces a user belongs to, oldest membership first. */
export function membershipsOfUser(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspaceId')
    .select(['memberships.workspaceId', 'memberships.role', 'workspaces.name'])
    .where('memberships.userId', '=', userId)
    .orderBy('memberships.createdAt')
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
