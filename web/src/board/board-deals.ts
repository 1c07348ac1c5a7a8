// The deals of one pipeline for the board: every page of the list (keyset paging, 200 at a time),
// because a column's count and total cover all its deals, not only the cards on screen.
import type { Deal } from '@baken/core/deals/deal.schema';
import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryClient,
  useInfiniteQuery,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import { get, type Page } from '../app/api.ts';
import { type Pipeline, pipelinesQuery } from '../app/workspace-data.ts';

export type { Deal };
export type DealPages = InfiniteData<Page<Deal>, unknown>;

export interface BoardFilters {
  ownerId: string | null;
  closeFrom: string | null;
  closeTo: string | null;
}

export const noFilters: BoardFilters = { ownerId: null, closeFrom: null, closeTo: null };

/** Every board query starts with this, so a move or a new deal can update all of them at once. */
export const boardDealsRoot = ['board-deals'] as const;

export const boardDealsKey = (pipelineId: string, filters: BoardFilters) =>
  [...boardDealsRoot, pipelineId, filters] as const;

export function listFilters(pipelineId: string, filters: BoardFilters): string[] {
  const list = [`pipelineId:eq:${pipelineId}`];
  if (filters.ownerId) list.push(`ownerId:eq:${filters.ownerId}`);
  if (filters.closeFrom) list.push(`expectedCloseDate:gte:${filters.closeFrom}`);
  if (filters.closeTo) list.push(`expectedCloseDate:lte:${filters.closeTo}`);
  return list;
}

/** The last pipeline looked at on the board, remembered on this device (JSON, as useLocalStorage keeps it). */
export const chosenPipelineKey = 'baken.board.pipeline';

export function boardPipeline(pipelines: Pipeline[], chosenId: string | null): Pipeline | undefined {
  return (
    pipelines.find((item) => item.id === chosenId) ?? pipelines.find((item) => item.isDefault) ?? pipelines[0]
  );
}

function rememberedPipelineId(): string | null {
  try {
    const stored = JSON.parse(localStorage.getItem(chosenPipelineKey) ?? 'null') as unknown;
    return typeof stored === 'string' ? stored : null;
  } catch {
    return null;
  }
}

function boardDealsQuery(pipelineId: string, filters: BoardFilters) {
  return infiniteQueryOptions({
    queryKey: boardDealsKey(pipelineId, filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      get<Page<Deal>>('/deals', { filter: listFilters(pipelineId, filters), limit: 200, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Starts loading the board's deals before its page is rendered (from the route). */
export async function prefetchBoard(queryClient: QueryClient): Promise<void> {
  const pipeline = boardPipeline(await queryClient.ensureQueryData(pipelinesQuery), rememberedPipelineId());
  if (pipeline) await queryClient.prefetchInfiniteQuery(boardDealsQuery(pipeline.id, noFilters));
}

/** All deals of a pipeline, page after page; the board shows the first page while the rest loads. */
export function useBoardDeals(pipelineId: string | undefined, filters: BoardFilters) {
  const query = useInfiniteQuery({
    ...boardDealsQuery(pipelineId ?? '', filters),
    enabled: Boolean(pipelineId),
  });
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  return query;
}

export function dealsOf(data: DealPages | undefined): Deal[] {
  return data ? data.pages.flatMap((page) => page.data) : [];
}

/** Replaces one deal in every cached board page it appears in. */
export function replaceDeal(queryClient: QueryClient, deal: Deal): void {
  queryClient.setQueriesData<DealPages>({ queryKey: boardDealsRoot }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            data: page.data.map((item) => (item.id === deal.id ? deal : item)),
          })),
        }
      : data,
  );
}

/** Puts a just-created deal at the front of the board of its pipeline. */
export function addDeal(queryClient: QueryClient, deal: Deal): void {
  queryClient.setQueriesData<DealPages>({ queryKey: [...boardDealsRoot, deal.pipelineId] }, (data) => {
    if (!data || data.pages.length === 0) return data;
    const [first, ...rest] = data.pages as [Page<Deal>, ...Page<Deal>[]];
    return { ...data, pages: [{ ...first, data: [deal, ...first.data] }, ...rest] };
  });
}
