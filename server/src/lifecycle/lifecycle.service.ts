import type { RequestContext } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { lifecycleHistory } from './lifecycle.repository.ts';

export async function contactLifecycle(ctx: RequestContext, contactId: string) {
  const rows = await lifecycleHistory(ctx.db, ctx.actor.workspaceId, contactId);
  if (!rows) throw notFound('Contact');
  return rows.map((row) => ({ ...row, changedAt: row.changedAt.toISOString() }));
}
