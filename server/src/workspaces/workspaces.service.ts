import type { setupInput, workspaceUpdateInput } from '@baken/core/platform/auth.schema';
import { canManageWorkspace } from '@baken/core/platform/roles';
import { fieldChanges } from '@baken/core/records/changes';
import type { z } from 'zod';
import { createDefaultPipeline } from '../pipelines/pipelines.service.ts';
import { audit } from '../platform/audit/audit.ts';
import type { Actor, AppContext, RequestContext } from '../platform/context.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { toApi } from '../platform/records/serialize.ts';
import { addMembership, createUser } from '../users/user-accounts.ts';
import {
  countWorkspaces,
  findDefaultCountry,
  findWorkspace,
  insertWorkspace,
  lockSetup,
  updateWorkspace,
} from './workspaces.repository.ts';

type Db = AppContext['db'];

export const workspaceById = (db: Db, id: string) => findWorkspace(db, id);

/** The caller's workspace: its time zone and currency for reports. */
export async function workspaceOf(ctx: RequestContext) {
  const workspace = await findWorkspace(ctx.db, ctx.actor.workspaceId);
  if (!workspace) throw notFound('Workspace');
  return workspace;
}

/** The country national phone numbers are read in when a record has no country of its own. */
export async function defaultCountryOf(db: Db, workspaceId: string): Promise<string> {
  return (await findDefaultCountry(db, workspaceId)) ?? 'NL';
}

/** Whether first-run setup has happened: some workspace exists. */
export async function isSetUp(db: Db): Promise<boolean> {
  return (await countWorkspaces(db)) > 0;
}

/** Serialises whoever creates "the first" workspace (setup, demo) until the transaction ends. */
export const lockFirstRun = (trx: Db) => lockSetup(trx);

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

/** A new workspace with its owner and the default pipeline, inside the caller's transaction. */
export async function createWorkspaceWithOwner(
  ctx: AppContext,
  trx: Db,
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
  await createUser(trx, {
    id: userId,
    email: input.email,
    name: input.name,
    passwordHash,
    ...(input.locale ? { locale: input.locale } : {}),
  });
  await addMembership(trx, workspaceId, userId, 'owner');
  const actorCtx: RequestContext = { ...ctx, db: trx, actor: ownerActor(workspaceId, userId) };
  await audit(actorCtx, trx, 'create', 'workspace', workspaceId, { name: input.workspaceName });
  await audit(actorCtx, trx, 'create', 'membership', userId, { email: input.email, role: 'owner' });
  await createDefaultPipeline(actorCtx, trx);
  return { workspaceId, userId };
}

export async function workspace(ctx: RequestContext) {
  const row = await findWorkspace(ctx.db, ctx.actor.workspaceId);
  if (!row) throw notFound('Workspace');
  return toApi(row);
}

export async function changeWorkspace(ctx: RequestContext, input: z.output<typeof workspaceUpdateInput>) {
  if (!canManageWorkspace(ctx.actor.role))
    throw new AppError('forbidden', 'Only admins and owners can change workspace settings.');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findWorkspace(trx, ctx.actor.workspaceId);
    if (!before) throw notFound('Workspace');
    const changes = fieldChanges(before, input);
    if (Object.keys(changes).length > 0) {
      await updateWorkspace(trx, ctx.actor.workspaceId, { ...input, updatedAt: ctx.now() });
      await audit(ctx, trx, 'update', 'workspace', ctx.actor.workspaceId, changes);
    }
    return toApi((await findWorkspace(trx, ctx.actor.workspaceId))!);
  });
}
