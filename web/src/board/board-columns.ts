// Deals grouped into the columns of the board, with what each column header shows.
import type { Deal } from '@baken/core/deals/deal.schema';

export interface ColumnSummary {
  deals: Deal[];
  count: number;
  /** Sum of amounts in cents; deals in another currency than the workspace's are left out. */
  total: number;
}

/** Soonest expected close first, deals without a date last, so what needs attention is on top. */
function byCloseDate(a: Deal, b: Deal): number {
  const left = a.expectedCloseDate ?? '9999-12-31';
  const right = b.expectedCloseDate ?? '9999-12-31';
  return left === right ? a.name.localeCompare(b.name) : left < right ? -1 : 1;
}

export function groupByStage(
  deals: Deal[],
  stageIds: string[],
  currency: string,
): Map<string, ColumnSummary> {
  const columns = new Map<string, ColumnSummary>(
    stageIds.map((id) => [id, { deals: [], count: 0, total: 0 }]),
  );
  for (const deal of deals) {
    const column = columns.get(deal.stageId);
    if (!column) continue;
    column.deals.push(deal);
    column.count += 1;
    if (deal.currency === currency) column.total += deal.amount;
  }
  for (const column of columns.values()) column.deals.sort(byCloseDate);
  return columns;
}

/** Initials of a member's name for the owner badge on a card: "Sanne de Vries" → "SV". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
