import type { LeadQuality, RejectReason, ServiceLevels } from '@baken/core/leads/handover.schema';
import { reportPeriod } from '@baken/core/leads/report-period';
import type { RequestContext } from '../platform/context.ts';
import { workspaceOf } from '../workspaces/workspaces.service.ts';
import { leadRouting } from './handovers.service.ts';
import {
  breachesByRep,
  leadQualityBySource,
  monthlyServiceLevels,
  openBreachCount,
  rejectionsBySource,
} from './reports.repository.ts';

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

async function periodOf(ctx: RequestContext, asked: { from?: string; to?: string }) {
  const workspace = await workspaceOf(ctx);
  return { ...reportPeriod(asked, workspace.timeZone, ctx.now()), timeZone: workspace.timeZone };
}

/** The "smarketing" report: what sales made of marketing's MQLs, per lead source. */
export async function leadQuality(
  ctx: RequestContext,
  asked: { from?: string; to?: string },
): Promise<LeadQuality> {
  const period = await periodOf(ctx, asked);
  const { workspaceId } = ctx.actor;
  const [rows, rejections] = await Promise.all([
    leadQualityBySource(ctx.db, workspaceId, period),
    rejectionsBySource(ctx.db, workspaceId, period),
  ]);
  return {
    from: period.fromDate,
    to: period.toDate,
    data: rows.map((row) => ({
      ...row,
      acceptanceRate: share(row.accepted, row.accepted + row.rejected),
      acceptedToWonRate: share(row.won, row.accepted),
      rejections: rejections
        .filter((rejection) => rejection.source === row.source)
        .map((rejection) => ({ reason: rejection.reason as RejectReason, count: rejection.count }))
        .sort((a, b) => b.count - a.count),
    })),
  };
}

/** Both sides' service levels: MQLs against marketing's target, first touches kept by sales. */
export async function serviceLevels(
  ctx: RequestContext,
  asked: { from?: string; to?: string },
): Promise<ServiceLevels> {
  const period = await periodOf(ctx, asked);
  const { workspaceId } = ctx.actor;
  const [{ routing }, byRep, byMonth, openBreaches] = await Promise.all([
    leadRouting(ctx),
    breachesByRep(ctx.db, workspaceId, period),
    monthlyServiceLevels(ctx.db, workspaceId, period.timeZone, period),
    openBreachCount(ctx.db, workspaceId),
  ]);
  const target = routing.mqlMonthlyTarget;
  return {
    from: period.fromDate,
    to: period.toDate,
    firstTouchHours: routing.firstTouchHours,
    mqlMonthlyTarget: target,
    openBreaches,
    byRep: byRep.map((row) => ({ ...row, breachRate: row.breached / row.due })),
    byMonth: byMonth.map((row) => ({
      ...row,
      mqlTargetMet: target === null ? null : row.mqls >= target,
      breachRate: share(row.breached, row.due),
    })),
  };
}
