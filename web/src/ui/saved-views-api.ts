// A user's saved views of one record list, kept by the API (/saved-views) so that they follow the
// user to any browser.
import type { ListView, SavedView, SavedViewList } from '@baken/core/saved-views/saved-view.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post } from '../app/api.ts';

export type { SavedView };

export const savedViewsQueryKey = (userId: string, list: SavedViewList) =>
  ['saved-views', userId, list] as const;

/** The user's views of `list`, by name (the API sorts them). */
export function useSavedViews(userId: string, list: SavedViewList) {
  return useQuery({
    queryKey: savedViewsQueryKey(userId, list),
    queryFn: async () => (await get<{ data: SavedView[] }>('/saved-views', { list })).data,
    staleTime: 60_000,
  });
}

/** Saving under a name the user already has for this list replaces that view (the API's rule). */
export function saveView(list: SavedViewList, name: string, view: ListView): Promise<SavedView> {
  return post<SavedView>('/saved-views', { list, name, view });
}

export function useSaveView(userId: string, list: SavedViewList) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, view }: { name: string; view: ListView }) => saveView(list, name, view),
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedViewsQueryKey(userId, list) }),
  });
}

/** Deletes at once from the menu (optimistic); the caller offers an undo. */
export function useDeleteView(userId: string, list: SavedViewList) {
  const queryClient = useQueryClient();
  const queryKey = savedViewsQueryKey(userId, list);
  return useMutation({
    mutationFn: (saved: SavedView) => del(`/saved-views/${saved.id}`),
    onMutate: async (saved) => {
      await queryClient.cancelQueries({ queryKey });
      const before = queryClient.getQueryData<SavedView[]>(queryKey);
      queryClient.setQueryData<SavedView[]>(queryKey, (views) =>
        views?.filter((view) => view.id !== saved.id),
      );
      return { before };
    },
    onError: (_error, _saved, context) => queryClient.setQueryData(queryKey, context?.before),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
