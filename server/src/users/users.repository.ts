import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

export function listMembers(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id', 'users.email', 'users.name', 'memberships.role', 'memberships.createdAt'])
    .where('memberships.workspaceId', '=', workspaceId)
    .orderBy('users.name')
    .limit(10_000)
    .execute();
}

/** The ids of the workspace's members, to check people named in settings against. */
export async function memberIds(db: Kysely<DB>, workspaceId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('memberships')
    .select('userId')
    .where('workspaceId', '=', workspaceId)
    .execute();
  return new Set(rows.map((row) => row.userId));
}

export function findMember(db: Kysely<DB>, workspaceId: string, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id', 'users.email', 'users.name', 'memberships.role', 'memberships.createdAt'])
    .where('memberships.workspaceId', '=', workspaceId)
    .where('memberships.userId', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

export async function countOwners(db: Kysely<DB>, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('workspaceId', '=', workspaceId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function setRole(
  db: Kysely<DB>,
  workspaceId: string,
  userId: string,
  role: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ role, updatedAt: at })
    .where('workspaceId', '=', workspaceId)
    .where('userId', '=', userId)
    .execute();
}

export async function deleteMembership(db: Kysely<DB>, workspaceId: string, userId: string): Promise<void> {
  await db
    .deleteFrom('memberships')
    .where('workspaceId', '=', workspaceId)
    .where('userId', '=', userId)
    .execute();
}

export function listInvitations(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('invitations')
    .select(['id', 'email', 'role', 'invitedBy', 'createdAt', 'expiresAt', 'acceptedAt', 'revokedAt'])
    .where('workspaceId', '=', workspaceId)
    .orderBy('createdAt', 'desc')
    .limit(1000)
    .execute();
}

export function findInvitation(db: Kysely<DB>, workspaceId: string, id: string) {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertInvitation(
  db: Kysely<DB>,
  invitation: {
    workspaceId: string;
    id: string;
    email: string;
    role: string;
    tokenHash: Buffer;
    invitedBy: string;
    expiresAt: Date;
  },
): Promise<void> {
  await db.insertInto('invitations').values(invitation).execute();
}

export async function markInvitation(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  patch: { acceptedAt?: Date; acceptedBy?: string; revokedAt?: Date },
): Promise<void> {
  await db
    .updateTable('invitations')
    .set(patch)
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

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

export async function insertMembership(
  db: Kysely<DB>,
  membership: { workspaceId: string; userId: string; role: string },
): Promise<void> {
  await db.insertInto('memberships').values(membership).execute();
}
