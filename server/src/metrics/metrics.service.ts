import type { salesMetricsQuery } from '@baken/core/metrics/metrics.schema';
import { customPeriod, periodOf } from '@baken/core/metrics/period';
import { salesMetrics } from '@baken/core/metrics/sales-totals';
import type { z } from 'zod';
import { todayIn } from '../deals/deals.service.ts';
import type { RequestContext } from '../platform/context.ts';
import { workspaceOf } from '../workspaces/workspaces.service.ts';
import { salesTotals } from './metrics.repository.ts';

/** Closing rate, cycle, velocity and pipeline for a period, in the workspace's currency. */
export async function salesFigures(ctx: RequestContext, query: z.output<typeof salesMetricsQuery>) {
  const workspace = await workspaceOf(ctx);
  const period =
    query.from && query.to
      ? customPeriod(query.from, query.to)
      : periodOf(query.date ?? todayIn(workspace.timeZone, ctx.now()), query.unit);
  const totals = await salesTotals(ctx.db, {
    workspaceId: ctx.actor.workspaceId,
    currency: workspace.currency,
    timeZone: workspace.timeZone,
    start: period.start,
    end: period.end,
    ownerId: query.ownerId,
    pipelineId: query.pipelineId,
    source: query.source,
  });
  return { period, currency: workspace.currency, ...salesMetrics(totals) };
}
