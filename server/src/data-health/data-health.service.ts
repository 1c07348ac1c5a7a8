import type { DataHealthMetric } from '@baken/core/data-health/data-health.schema';
import { countOpenPairs } from '../duplicates/duplicates.service.ts';
import type { RequestContext } from '../platform/context.ts';
import { countMetric, countMetrics, metricDefinitions, metricRecords } from './data-health.repository.ts';

/** The start of the stale period: `months` calendar months before now. */
function cutoffOf(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/**
 * Every data health count of the workspace: one pass per table for the missing and invalid values,
 * one anti-join per table for stale records, and the open duplicate pairs. Every role may read it.
 */
export async function dataHealthOf(ctx: RequestContext, staleMonths: number) {
  const { workspaceId } = ctx.actor;
  const cutoff = cutoffOf(ctx.now(), staleMonths);
  const contacts = await countMetrics(ctx.db, workspaceId, 'contacts', cutoff);
  const accounts = await countMetrics(ctx.db, workspaceId, 'accounts', cutoff);
  const counts = new Map<DataHealthMetric, number>([...contacts.counts, ...accounts.counts]);
  for (const metric of metricDefinitions.filter((definition) => definition.group === 'stale'))
    counts.set(metric.key, await countMetric(ctx.db, workspaceId, metric, cutoff));
  return {
    staleMonths,
    totals: { contacts: contacts.total, accounts: accounts.total },
    metrics: metricDefinitions.map((metric) => ({
      key: metric.key,
      recordType: metric.table === 'contacts' ? ('contact' as const) : ('account' as const),
      group: metric.group,
      count: counts.get(metric.key) ?? 0,
      filters: metric.filters,
    })),
    duplicates: {
      contacts: await countOpenPairs(ctx, 'contact'),
      accounts: await countOpenPairs(ctx, 'account'),
    },
  };
}

/** The records of one metric, a page at a time, for the sets a list filter cannot express. */
export async function recordsOfMetric(
  ctx: RequestContext,
  query: { metric: DataHealthMetric; staleMonths: number; limit: number; cursor?: string },
) {
  const metric = metricDefinitions.find((definition) => definition.key === query.metric)!;
  const cutoff = cutoffOf(ctx.now(), query.staleMonths);
  const rows = await metricRecords(
    ctx.db,
    ctx.actor.workspaceId,
    metric,
    cutoff,
    query.cursor ?? null,
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  return { data: page, nextCursor: rows.length > query.limit ? page.at(-1)!.id : null };
}
