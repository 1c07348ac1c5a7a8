import type { loginInput, profileUpdateInput, setupInput } from '@baken/core/platform/auth.schema';
import type { Role } from '@baken/core/platform/roles';
import type { z } from 'zod';
import { audit } from '../platform/audit/audit.ts';
import {
  csrfTokenOfSession,
  deleteOtherSessionsOfUser,
  deleteSession,
} from '../platform/auth/auth.repository.ts';
import { forgetCredentials } from '../platform/auth/credential-cache.ts';
import { hashPassword, verifyDecoy, verifyPassword } from '../platform/auth/secrets.ts';
import { type ClientInfo, type NewSession, startSession } from '../platform/auth/sessions.ts';
import type { AppContext, RequestContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { changeUser, userByEmail, userById, workspacesOfUser } from '../users/user-accounts.ts';
import {
  createWorkspaceWithOwner,
  isSetUp,
  lockFirstRun,
  workspaceById,
} from '../workspaces/workspaces.service.ts';

export async function isSetupNeeded(ctx: AppContext): Promise<boolean> {
  return !(await isSetUp(ctx.db));
}

/** First run: creates the first workspace, its owner and the default pipeline. Refused once done. */
export async function setUp(
  ctx: AppContext,
  input: z.output<typeof setupInput>,
  client: ClientInfo,
): Promise<NewSession> {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    await lockFirstRun(trx);
    if (await isSetUp(trx)) {
      throw new AppError('conflict', 'Baken is already set up: sign in, or ask an admin for an invitation.');
    }
    const { workspaceId, userId } = await createWorkspaceWithOwner(ctx, trx, input, passwordHash);
    return startSession(ctx, trx, workspaceId, userId, client);
  });
}

const wrongLogin = () => new AppError('unauthenticated', 'That email and password do not match an account.');

export async function logIn(
  ctx: AppContext,
  input: z.output<typeof loginInput>,
  client: ClientInfo,
): Promise<NewSession> {
  const user = await userByEmail(ctx.db, input.email);
  if (!user) {
    await verifyDecoy(input.password);
    throw wrongLogin();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) throw wrongLogin();
  const memberships = await workspacesOfUser(ctx.db, user.id);
  const membership = input.workspaceId
    ? memberships.find((candidate) => candidate.workspaceId === input.workspaceId)
    : memberships[0];
  if (!membership)
    throw new AppError('forbidden', 'This account has no access to that workspace (any more).');
  return startSession(ctx, ctx.db, membership.workspaceId, user.id, client);
}

export async function logOut(ctx: RequestContext): Promise<void> {
  if (!ctx.actor.sessionId) return;
  await deleteSession(ctx.db, ctx.actor.workspaceId, ctx.actor.sessionId);
  forgetCredentials(ctx.db);
}

export async function currentUser(ctx: RequestContext) {
  const { actor } = ctx;
  const [user, workspace, memberships, session] = await Promise.all([
    userById(ctx.db, actor.userId),
    workspaceById(ctx.db, actor.workspaceId),
    workspacesOfUser(ctx.db, actor.userId),
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
      defaultCountry: workspace.defaultCountry,
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
  const user = await userById(ctx.db, ctx.actor.userId);
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
    await changeUser(trx, user.id, {
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
  if (passwordHash) forgetCredentials(ctx.db);
}
