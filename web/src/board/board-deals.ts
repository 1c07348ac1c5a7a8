// The board's data. One request (/deals/board) brings the column heads (count and amount per stage
// over every matching deal, however many there are) and each column's first cards, soonest expected
// close first; it fills the cache of the heads and of each column, which then live on their own:
// "show more" asks the deals list for a column's next page, a move refetches only the heads. A
// pipeline with 100,000 won deals costs the same to open as one with ten.
import type { Deal, dealBoardResponse } from '@baken/core/deals/deal.schema';
import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryClient,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { get, type Page } from '../app/api.ts';
import { pipelinesQuery } from '../app/workspace-data.ts';
import {
  type BoardFilters,
  boardLoadPath,
  boardPipeline,
  COLUMN_PAGE,
  listFilters,
  rememberedPipelineId,
} from './board-address.ts';

export type { Deal };
export type ColumnPages = InfiniteData<Page<Deal>, unknown>;

/** Count and amounts (cents) of one stage's deals in one currency, as /deals/summary answers. */
export interface StageSummaryRow {
  stageId: string;
  currency: string;
  count: number;
  amount: number;
  recurringAmount: number;
}

/** Every board query starts with this, so a move or a new deal can update all of them at once. */
export const boardRoot = ['board'] as const;

const boardKey = (pipelineId: string, filters: BoardFilters) => [...boardRoot, pipelineId, filters] as const;

export function summaryQuery(pipelineId: string, filters: BoardFilters) {
  return queryOptions({
    queryKey: [...boardKey(pipelineId, filters), 'summary'] as const,
    queryFn: async () =>
      (await get<{ data: StageSummaryRow[] }>('/deals/summary', { filter: listFilters(pipelineId, filters) }))
        .data,
  });
}

export function columnQuery(pipelineId: string, filters: BoardFilters, stageId: string) {
  return infiniteQueryOptions({
    queryKey: [...boardKey(pipelineId, filters), 'column', stageId] as const,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      get<Page<Deal>>('/deals', {
        filter: [...listFilters(pipelineId, filters), `stageId:eq:${stageId}`],
        sort: 'expectedCloseDate',
        limit: COLUMN_PAGE,
        cursor: pageParam,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/**
 * The whole board in one request, put into the caches of the heads and the columns. Kept apart from
 * the board's other keys (a move edits those) and never refetched by itself: the heads and columns
 * refresh on their own.
 */
export function boardQuery(queryClient: QueryClient, pipelineId: string, filters: BoardFilters) {
  return queryOptions({
    queryKey: ['board-load', pipelineId, filters] as const,
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async () => {
      const board = await get<z.infer<typeof dealBoardResponse>>(boardLoadPath(pipelineId, filters));
      queryClient.setQueryData(summaryQuery(pipelineId, filters).queryKey, board.summary);
      for (const column of board.columns)
        queryClient.setQueryData(columnQuery(pipelineId, filters, column.stageId).queryKey, {
          pages: [{ data: column.data, nextCursor: column.nextCursor }],
          pageParams: [null],
        });
      return board.columns.length;
    },
  });
}

export const useBoardSummary = (pipelineId: string, filters: BoardFilters, enabled: boolean) =>
  useQuery({ ...summaryQuery(pipelineId, filters), enabled });

export const useColumnDeals = (pipelineId: string, filters: BoardFilters, stageId: string) =>
  useInfiniteQuery(columnQuery(pipelineId, filters, stageId));

/** Starts loading the board's column heads and first cards before its page is rendered (from the route). */
export async function prefetchBoard(queryClient: QueryClient, filters: BoardFilters): Promise<void> {
  const pipeline = boardPipeline(await queryClient.ensureQueryData(pipelinesQuery), rememberedPipelineId());
  if (pipeline) await queryClient.prefetchQuery(boardQuery(queryClient, pipeline.id, filters));
}
