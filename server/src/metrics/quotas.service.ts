import { periodOf } from '@baken/core/metrics/period';
import { quotaStanding } from '@baken/core/metrics/quota';
import type { attainmentQuery, quotaInput, quotaListQuery } from '@baken/core/metrics/quota.schema';
import { atLeast } from '@baken/core/platform/roles';
import type { z } from 'zod';
import { todayIn } from '../deals/deals.service.ts';
import { audit } from '../platform/audit/audit.ts';
import type { RequestContext } from '../platform/context.ts';
import { AppError, invalidField, notFound } from '../platform/errors.ts';
import { memberIds } from '../users/users.repository.ts';
import { workspaceOf } from '../workspaces/workspaces.service.ts';
import { deleteQuota, findQuota, listQuotas, upsertQuota, wonAndOpenByOwner } from './quotas.repository.ts';

type QuotaRow = Awaited<ReturnType<typeof listQuotas>>[number];

const quotaOf = (row: QuotaRow) => ({ ...row, updatedAt: row.updatedAt.toISOString() });

function assertManager(ctx: RequestContext) {
  if (!atLeast(ctx.actor.role, 'manager'))
    throw new AppError('forbidden', 'Setting quotas takes a manager, an admin or the owner.');
}

export async function quotas(ctx: RequestContext, query: z.output<typeof quotaListQuery>) {
  return { data: (await listQuotas(ctx.db, ctx.actor.workspaceId, query.from, query.to)).map(quotaOf) };
}

/** Sets quotas for people (members of the workspace) or for the whole workspace, per period. */
export async function setQuotas(ctx: RequestContext, input: z.output<typeof quotaInput>[]) {
  assertManager(ctx);
  const { workspaceId } = ctx.actor;
  const members = await memberIds(ctx.db, workspaceId);
  input.forEach((quota, index) => {
    if (quota.userId && !members.has(quota.userId))
      throw invalidField(`quotas.${index}.userId`, 'This person is not in the workspace.');
  });
  const ids = await ctx.db.transaction().execute(async (trx) => {
    const written: string[] = [];
    for (const quota of input) {
      const id = await upsertQuota(trx, { ...quota, workspaceId, id: ctx.newId(), updatedAt: ctx.now() });
      await audit(ctx, trx, 'update', 'quota', id, { amount: { from: null, to: quota.amount } });
      written.push(id);
    }
    return written;
  });
  const all = await listQuotas(ctx.db, workspaceId);
  return { data: all.filter((row) => ids.includes(row.id)).map(quotaOf) };
}

export async function removeQuota(ctx: RequestContext, id: string): Promise<void> {
  assertManager(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findQuota(trx, ctx.actor.workspaceId, id);
    if (!before) throw notFound('Quota');
    await deleteQuota(trx, ctx.actor.workspaceId, id);
    await audit(ctx, trx, 'delete', 'quota', id, quotaOf(before));
  });
}

/** Each quota of the period against the deals won in it, with the gap and the pipeline to close it. */
export async function attainment(ctx: RequestContext, query: z.output<typeof attainmentQuery>) {
  const { workspaceId } = ctx.actor;
  const workspace = await workspaceOf(ctx);
  const period = periodOf(query.date ?? todayIn(workspace.timeZone, ctx.now()), query.unit);
  const [set, totals] = await Promise.all([
    listQuotas(ctx.db, workspaceId, period.start, period.start),
    wonAndOpenByOwner(ctx.db, {
      workspaceId,
      currency: workspace.currency,
      start: period.start,
      end: period.end,
    }),
  ]);
  const totalsOf = (userId: string | null) =>
    totals.find((row) => (userId === null ? row.everyone : !row.everyone && row.userId === userId));
  return {
    period,
    currency: workspace.currency,
    data: set
      .filter((quota) => quota.unit === query.unit)
      .map((quota) => {
        const figures = totalsOf(quota.userId);
        return {
          userId: quota.userId,
          ...quotaStanding(quota.amount, figures?.won ?? 0, figures?.open ?? 0),
        };
      }),
  };
}
