import type { SalesTotals } from '@baken/core/metrics/sales-totals';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

export interface SalesFilter {
  workspaceId: string;
  currency: string;
  timeZone: string;
  start: string;
  end: string;
  ownerId?: string;
  pipelineId?: string;
  source?: string;
}

/**
 * The totals of sales.ts's metrics for a period in one aggregate query over the workspace's deals in
 * its currency: won and lost by close date, open ones by expected close date, cycle days from the day
 * a deal was made (in the workspace's time zone) to its close date.
 */
export async function salesTotals(db: Kysely<DB>, filter: SalesFilter): Promise<SalesTotals> {
  const { workspaceId, start, end } = filter;
  const owner = filter.ownerId ? sql`and d.owner_id = ${filter.ownerId}` : sql``;
  const pipeline = filter.pipelineId ? sql`and d.pipeline_id = ${filter.pipelineId}` : sql``;
  const source = filter.source ? sql`and lower(d.source) = lower(${filter.source})` : sql``;
  const closedIn = sql`d.actual_close_date between ${start}::date and ${end}::date`;
  const openIn = sql`s.kind = 'open' and d.expected_close_date between ${start}::date and ${end}::date`;
  const row = await sql<SalesTotals>`
    select
      (count(*) filter (where s.kind = 'won' and ${closedIn}))::int as won,
      (count(*) filter (where s.kind = 'lost' and ${closedIn}))::int as lost,
      coalesce(sum(d.amount) filter (where s.kind = 'won' and ${closedIn}), 0)::float8 as won_amount,
      coalesce(sum(d.actual_close_date - (d.created_at at time zone ${filter.timeZone})::date)
        filter (where s.kind = 'won' and ${closedIn}), 0)::float8 as won_cycle_days,
      (count(*) filter (where s.kind = 'open'))::int as open_deals,
      coalesce(sum(d.amount) filter (where ${openIn}), 0)::float8 as open_amount,
      coalesce(sum(d.amount * d.probability) filter (where ${openIn}), 0)::float8 as open_amount_times_probability
    from deals d
    join stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id
    where d.workspace_id = ${workspaceId} and d.currency = ${filter.currency} ${owner} ${pipeline} ${source}`.execute(
    db,
  );
  return row.rows[0]!;
}
