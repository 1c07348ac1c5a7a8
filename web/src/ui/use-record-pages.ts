import type { FieldSpecs } from '@baken/core/records/list-query';
import { infiniteQueryOptions, type QueryClient, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { get, type Page } from '../app/api.ts';
import { type ListView, listQuery, type SearchMode } from './list-view.ts';

export const PAGE_SIZE = 100;

export interface ListSource {
  /** API path, e.g. `/accounts`; also the first part of the query key. */
  path: string;
  specs: FieldSpecs;
  search: SearchMode;
}

/** A record list as it first opens: where its rows come from and the view it starts with. */
export interface ListDefinition {
  source: ListSource;
  defaultView: ListView;
}

export const listQueryKey = (path: string) => ['list', path] as const;

export function fetchPage<T>(source: ListSource, view: ListView, cursor: string | null, limit: number) {
  return get<Page<T>>(source.path, { ...listQuery(view, source.specs, source.search), cursor, limit });
}

export function recordPagesQuery<T>(source: ListSource, view: ListView) {
  return infiniteQueryOptions({
    queryKey: [...listQueryKey(source.path), view.sort, view.filters, view.search],
    queryFn: ({ pageParam }) => fetchPage<T>(source, view, pageParam, PAGE_SIZE),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Starts loading a list's first page before its page is rendered (from the route). */
export function prefetchList(queryClient: QueryClient, list: ListDefinition): void {
  void queryClient.prefetchInfiniteQuery(recordPagesQuery(list.source, list.defaultView));
}

/** Keyset pages of the current view, flattened; the next page loads when the table asks for it. */
export function useRecordPages<T>(source: ListSource, view: ListView) {
  const query = useInfiniteQuery({
    ...recordPagesQuery<T>(source, view),
    // Keeps the old rows on screen while a new sort or filter loads, so the table does not flash.
    placeholderData: (previous) => previous,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.data) ?? [], [query.data]);
  return { ...query, rows };
}
