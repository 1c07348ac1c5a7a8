// The people behind memberships: what other features may ask of the users slice.
import type { Role } from '@baken/core/platform/roles';
import type { AppContext } from '../platform/context.ts';
import {
  findUserByEmail,
  findUserById,
  insertMembership,
  insertUser,
  membershipsOfUser,
  updateUser,
} from './users.repository.ts';

type Db = AppContext['db'];

export const userByEmail = (db: Db, email: string) => findUserByEmail(db, email);
export const userById = (db: Db, id: string) => findUserById(db, id);
export const workspacesOfUser = (db: Db, userId: string) => membershipsOfUser(db, userId);

export async function createUser(
  db: Db,
  user: { id: string; email: string; name: string; passwordHash: string; locale?: string },
): Promise<void> {
  await insertUser(db, user);
}

export async function changeUser(
  db: Db,
  id: string,
  patch: { name?: string; locale?: string; timeZone?: string | null; passwordHash?: string; updatedAt: Date },
): Promise<void> {
  await updateUser(db, id, patch);
}

export async function addMembership(db: Db, workspaceId: string, userId: string, role: Role): Promise<void> {
  await insertMembership(db, { workspaceId, userId, role });
}
