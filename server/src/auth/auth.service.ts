import type { loginInput, profileUpdateInput, setupInput } from '@baken/core/platform/auth.schema';
import type { Role } from '@baken/core/platform/roles';
import type { z } from 'zod';
import { createDefaultPipeline } from '../pipelines/pipelines.service.ts';
import { audit } from '../platform/audit/audit.ts';
import { SESSION_PREFIX } from '../platform/auth/authenticate.ts';
import {
  formatCredential,
  hashPassword,
  hashSecret,
  randomSecret,
  verifyDecoy,
  verifyPassword,
} from '../platform/auth/secrets.ts';
import type { Actor, AppContext, RequestContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import {
  countWorkspaces,
  findWorkspace,
  insertMembership,
  insertWorkspace,
  lockSetup,
} from '../workspaces/workspaces.repository.ts';
import {
  csrfTokenOfSession,
  deleteOtherSessionsOfUser,
  deleteSession,
  findUserByEmail,
  findUserById,
  insertSession,
  insertUser,
  membershipsOfUser,
  updateUser,
} from './auth.repository.ts';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface NewSession {
  cookieValue: string;
  maxAgeSeconds: number;
  workspaceId: string;
  userId: string;
}

export async function isSetupNeeded(ctx: AppContext): Promise<boolean> {
  return (await countWorkspaces(ctx.db)) === 0;
}

export async function startSession(
  ctx: AppContext,
  db: AppContext['db'],
  workspaceId: string,
  userId: string,
  client: ClientInfo,
): Promise<NewSession> {
  const id = ctx.newId();
  const secret = randomSecret();
  const maxAgeSeconds = ctx.config.sessionDays * 24 * 3600;
  await insertSession(db, {
    workspaceId,
    id,
    userId,
    tokenHash: hashSecret(secret),
    csrfToken: randomSecret(24),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 500) ?? null,
    expiresAt: new Date(ctx.now().getTime() + maxAgeSeconds * 1000),
  });
  return {
    cookieValue: formatCredential(SESSION_PREFIX, workspaceId, id, secret),
    maxAgeSeconds,
    workspaceId,
    userId,
  };
}

/** A new workspace with its owner and the default pipeline, inside the caller's transaction. */
export async function createWorkspaceWithOwner(
  ctx: AppContext,
  trx: AppContext['db'],
  input: z.output<typeof setupInput>,
  passwordHash: string,
): Promise<{ workspaceId: string; userId: string }> {
  const workspaceId = ctx.newId();
  const userId = ctx.newId();
  await insertWorkspace(trx, {
    id: workspaceId,
    name: input.workspaceName,
    ...(input.timeZone ? { timeZone: input.timeZone } : {}),
    ...(input.locale ? { locale: input.locale } : {}),
  });
  await insertUser(trx, {
    id: userId,
    email: input.email,
    name: input.name,
    passwordHash,
    ...(input.locale ? { locale: input.locale } : {}),
  });
  await insertMembership(trx, { workspaceId, userId, role: 'owner' });
  const actorCtx: RequestContext = { ...ctx, db: trx, actor: ownerActor(workspaceId, userId) };
  await audit(actorCtx, trx, 'create', 'workspace', workspaceId, { name: input.workspaceName });
  await audit(actorCtx, trx, 'create', 'membership', userId, { email: input.email, role: 'owner' });
  await createDefaultPipeline(actorCtx, trx);
  return { workspaceId, userId };
}

/** First run: creates the first workspace, its owner and the default pipeline. Refused once done. */
export async function setUp(
  ctx: AppContext,
  input: z.output<typeof setupInput>,
  client: ClientInfo,
): Promise<NewSession> {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    await lockSetup(trx);
    if ((await countWorkspaces(trx)) > 0) {
      throw new AppError('conflict', 'Baken is already set up: sign in, or ask an admin for an invitation.');
    }
    const { workspaceId, userId } = await createWorkspaceWithOwner(ctx, trx, input, passwordHash);
    return startSession(ctx, trx, workspaceId, userId, client);
  });
}

function ownerActor(workspaceId: string, userId: string): Actor {
  return {
    workspaceId,
    userId,
    role: 'owner',
    via: 'session',
    tokenId: null,
    sessionId: null,
    scope: 'read_write',
  };
}

const wrongLogin = () => new AppError('unauthenticated', 'That email and password do not match an account.');

export async function logIn(
  ctx: AppContext,
  input: z.output<typeof loginInput>,
  client: ClientInfo,
): Promise<NewSession> {
  const user = await findUserByEmail(ctx.db, input.email);
  if (!user) {
    await verifyDecoy(input.password);
    throw wrongLogin();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) throw wrongLogin();
  const memberships = await membershipsOfUser(ctx.db, user.id);
  const membership = input.workspaceId
    ? memberships.find((candidate) => candidate.workspaceId === input.workspaceId)
    : memberships[0];
  if (!membership)
    throw new AppError('forbidden', 'This account has no access to that workspace (any more).');
  return startSession(ctx, ctx.db, membership.workspaceId, user.id, client);
}

export async function logOut(ctx: RequestContext): Promise<void> {
  if (ctx.actor.sessionId) await deleteSession(ctx.db, ctx.actor.workspaceId, ctx.actor.sessionId);
}

export async function currentUser(ctx: RequestContext) {
  const { actor } = ctx;
  const [user, workspace, memberships, session] = await Promise.all([
    findUserById(ctx.db, actor.userId),
    findWorkspace(ctx.db, actor.workspaceId),
    membershipsOfUser(ctx.db, actor.userId),
    actor.sessionId ? csrfTokenOfSession(ctx.db, actor.workspaceId, actor.sessionId) : undefined,
  ]);
  if (!user || !workspace) throw new AppError('unauthenticated', 'Sign in again.');
  return {
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale, timeZone: user.timeZone },
    workspace: {
      id: workspace.id,
      name: workspace.name,
      timeZone: workspace.timeZone,
      currency: workspace.currency,
      locale: workspace.locale,
    },
    role: actor.role as Role,
    via: actor.via,
    csrfToken: session?.csrfToken ?? null,
    workspaces: memberships.map((membership) => ({
      id: membership.workspaceId,
      name: membership.name,
      role: membership.role as Role,
    })),
  };
}

export async function updateProfile(
  ctx: RequestContext,
  input: z.output<typeof profileUpdateInput>,
): Promise<void> {
  const user = await findUserById(ctx.db, ctx.actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in again.');
  let passwordHash: string | undefined;
  if (input.newPassword !== undefined) {
    if (!input.currentPassword || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new AppError('invalid', 'currentPassword: enter your current password to set a new one.', [
        { field: 'currentPassword', message: 'Enter your current password to set a new one.' },
      ]);
    }
    passwordHash = await hashPassword(input.newPassword);
  }
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
      ...(passwordHash ? { passwordHash } : {}),
      updatedAt: ctx.now(),
    });
    const changed = Object.keys(input).filter((key) => key !== 'currentPassword' && key !== 'newPassword');
    await audit({ ...ctx, db: trx }, trx, 'update', 'user', user.id, {
      fields: passwordHash ? [...changed, 'password'] : changed,
    });
    // A new password signs out every other session of this user.
    if (passwordHash) await deleteOtherSessionsOfUser(trx, user.id, ctx.actor.sessionId);
  });
}
