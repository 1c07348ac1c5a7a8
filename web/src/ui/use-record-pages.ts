import { infiniteQueryOptions, type QueryClient, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { get, type Page } from '../app/api.ts';
import { type ListDefinition, type ListSource, type ListView, pagePath } from './list-view.ts';

export const listQueryKey = (path: string) => ['list', path] as const;

export function recordPagesQuery<T>(source: ListSource, view: ListView) {
  return infiniteQueryOptions({
    queryKey: [...listQueryKey(source.path), view.sort, view.filters, view.search],
    queryFn: ({ pageParam }) => get<Page<T>>(pagePath(source, view, pageParam)),
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
