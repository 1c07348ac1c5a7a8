// What a move or a new deal changes in the board's cached data before the server has answered: the
// card leaves its old column and joins its new one in the column's order, and both heads' counts
// and amounts follow. The pure parts are tested in board-cache.test.ts.
import type { QueryClient } from '@tanstack/react-query';
import type { BoardFilters } from './board-address.ts';
import { boardRoot, type ColumnPages, type Deal, type StageSummaryRow } from './board-deals.ts';

type BoardQueryKey =
  | readonly ['board', string, BoardFilters, 'summary']
  | readonly ['board', string, BoardFilters, 'column', string];

/** A column's order as the API sorts it: soonest expected close first, no date last, then by id. */
export function sortsBefore(a: Deal, b: Deal): boolean {
  const left = a.expectedCloseDate ?? '9999-12-31';
  const right = b.expectedCloseDate ?? '9999-12-31';
  return left === right ? a.id < b.id : left < right;
}

/** Whether a board with these filters shows the deal at all. */
export function passesFilters(deal: Deal, filters: BoardFilters): boolean {
  if (filters.ownerId && deal.ownerId !== filters.ownerId) return false;
  const date = deal.expectedCloseDate;
  if (filters.closeFrom && (!date || date < filters.closeFrom)) return false;
  if (filters.closeTo && (!date || date > filters.closeTo)) return false;
  return true;
}

/**
 * The column's pages with the deal taken out, and put back at its place in the order when it
 * belongs to this column (`deal.stageId`). A deal sorting after every loaded card goes at the end,
 * so a card just dropped on a long column stays in sight.
 */
export function placeInColumn(data: ColumnPages, stageId: string, deal: Deal, shown: boolean): ColumnPages {
  const pages = data.pages.map((page) => ({
    ...page,
    data: page.data.filter((item) => item.id !== deal.id),
  }));
  if (shown && deal.stageId === stageId) {
    const pageIndex = pages.findIndex((page) => page.data.some((item) => sortsBefore(deal, item)));
    const target = pages[pageIndex === -1 ? pages.length - 1 : pageIndex];
    if (target) {
      const at = target.data.findIndex((item) => sortsBefore(deal, item));
      target.data.splice(at === -1 ? target.data.length : at, 0, deal);
    } else {
      pages.push({ data: [deal], nextCursor: null });
    }
  }
  return { ...data, pages };
}

function addToSummary(rows: StageSummaryRow[], deal: Deal, sign: 1 | -1): StageSummaryRow[] {
  const matches = (row: StageSummaryRow) => row.stageId === deal.stageId && row.currency === deal.currency;
  if (!rows.some(matches))
    return sign === 1
      ? [
          ...rows,
          {
            stageId: deal.stageId,
            currency: deal.currency,
            count: 1,
            amount: deal.amount,
            recurringAmount: deal.recurringAmount,
          },
        ]
      : rows;
  return rows.map((row) =>
    matches(row)
      ? {
          ...row,
          count: row.count + sign,
          amount: row.amount + sign * deal.amount,
          recurringAmount: row.recurringAmount + sign * deal.recurringAmount,
        }
      : row,
  );
}

/** The column heads after a deal changed from `before` (null: it is new) to `after`. */
export function summaryAfter(
  rows: StageSummaryRow[],
  before: Deal | null,
  after: Deal,
  filters: BoardFilters,
): StageSummaryRow[] {
  const without = before && passesFilters(before, filters) ? addToSummary(rows, before, -1) : rows;
  return passesFilters(after, filters) ? addToSummary(without, after, 1) : without;
}

/** Puts a deal where it now belongs on every cached board of its pipeline. */
export function placeOnBoards(queryClient: QueryClient, before: Deal | null, after: Deal): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: [...boardRoot, after.pipelineId] })) {
    const key = query.queryKey as BoardQueryKey;
    const filters = key[2];
    if (key[3] === 'summary')
      queryClient.setQueryData<StageSummaryRow[]>(key, (rows) =>
        rows ? summaryAfter(rows, before, after, filters) : rows,
      );
    else {
      const stageId = key[4];
      queryClient.setQueryData<ColumnPages>(key, (data) =>
        data ? placeInColumn(data, stageId, after, passesFilters(after, filters)) : data,
      );
    }
  }
}

/**
 * After a change settles: asks again for the column heads of the pipeline's boards (the server's
 * counts are the truth) and for any column whose first load the change interrupted.
 */
export function resyncBoards(queryClient: QueryClient, pipelineId: string): Promise<void> {
  return queryClient.invalidateQueries({
    queryKey: [...boardRoot, pipelineId],
    predicate: (query) =>
      (query.queryKey as BoardQueryKey)[3] === 'summary' || query.state.data === undefined,
  });
}

/** A deal as some cached board column holds it (for drag announcements). */
export function boardDeal(queryClient: QueryClient, id: string): Deal | undefined {
  for (const [, data] of queryClient.getQueriesData<ColumnPages>({ queryKey: boardRoot })) {
    for (const page of data && 'pages' in data ? data.pages : [])
      for (const deal of page.data) if (deal.id === id) return deal;
  }
  return undefined;
}
