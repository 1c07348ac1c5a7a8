import type { workspaceUpdateInput } from '@baken/core/platform/auth.schema';
import { canManageWorkspace } from '@baken/core/platform/roles';
import { fieldChanges } from '@baken/core/records/changes';
import type { z } from 'zod';
import { audit } from '../platform/audit/audit.ts';
import type { RequestContext } from '../platform/context.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { toApi } from '../platform/records/serialize.ts';
import { findWorkspace, updateWorkspace } from './workspaces.repository.ts';

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
