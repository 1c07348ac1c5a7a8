import { canManageWorkspace } from '@baken/core/platform/roles';
import type { ListQuery } from '@baken/core/records/record.schema';
import type { RequestContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { toApi } from '../platform/records/serialize.ts';
import { listAuditEntries } from './audit.repository.ts';

export async function auditLog(ctx: RequestContext, query: ListQuery) {
  if (!canManageWorkspace(ctx.actor.role))
    throw new AppError('forbidden', 'Only admins and owners can read the audit log.');
  const page = await listAuditEntries(ctx.db, ctx.actor.workspaceId, query);
  return { data: page.rows.map(toApi), nextCursor: page.nextCursor };
}
