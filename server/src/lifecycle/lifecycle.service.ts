import { lifecycleStages } from '@baken/core/contacts/contact.schema';
import { funnelBand, type LifecycleStage } from '@baken/core/lifecycle/lifecycle';
import type { RequestContext } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { contactsPerStage, lifecycleHistory } from './lifecycle.repository.ts';

export async function contactLifecycle(ctx: RequestContext, contactId: string) {
  const rows = await lifecycleHistory(ctx.db, ctx.actor.workspaceId, contactId);
  if (!rows) throw notFound('Contact');
  return rows.map((row) => ({ ...row, changedAt: row.changedAt.toISOString() }));
}

/** Every stage in funnel order with its band and how many contacts are in it now. */
export async function lifecycleSummary(ctx: RequestContext) {
  const counts = new Map(
    (await contactsPerStage(ctx.db, ctx.actor.workspaceId)).map((row) => [
      row.lifecycleStage,
      Number(row.count),
    ]),
  );
  return lifecycleStages.map((stage: LifecycleStage) => ({
    stage,
    band: funnelBand(stage),
    count: counts.get(stage) ?? 0,
  }));
}
