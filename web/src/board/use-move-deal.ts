// Moving a deal to another stage: the card moves at once, the server decides probability, close
// date and forecast category, and a refusal puts the card back with the server's reason.
import { notifications } from '@mantine/notifications';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { patch } from '../app/api.ts';
import { messageOf } from '../ui/form-errors.ts';
import { placeOnBoards, resyncBoards } from './board-cache.ts';
import { boardRoot, type Deal } from './board-deals.ts';

export interface Move {
  deal: Deal;
  stageId: string;
  lostReason?: string;
}

interface Context {
  snapshot: [QueryKey, unknown][];
  moved: Deal;
}

export function useMoveDeal() {
  const queryClient = useQueryClient();
  const { t } = useTranslation('board');
  return useMutation<Deal, unknown, Move, Context>({
    mutationFn: ({ deal, stageId, lostReason }) =>
      patch<Deal>(`/deals/${deal.id}`, { stageId, ...(lostReason ? { lostReason } : {}) }),
    onMutate: async ({ deal, stageId, lostReason }) => {
      // A page still arriving would otherwise overwrite the optimistic move with the old stage.
      await queryClient.cancelQueries({ queryKey: boardRoot });
      const snapshot = queryClient.getQueriesData({ queryKey: boardRoot });
      const moved = { ...deal, stageId, lostReason: lostReason ?? deal.lostReason };
      placeOnBoards(queryClient, deal, moved);
      return { snapshot, moved };
    },
    onError: (error, { deal }, context) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
      notifications.show({
        color: 'red',
        title: t('move.failed', { name: deal.name }),
        message: messageOf(error, t('move.failedHint')),
      });
    },
    onSuccess: (saved, _move, context) => {
      placeOnBoards(queryClient, context.moved, saved);
      // The list and record pages cache deals under their own keys; they should ask again.
      void queryClient.invalidateQueries({ queryKey: ['deals'] });
      void queryClient.invalidateQueries({ queryKey: ['deal', saved.id] });
    },
    onSettled: (_saved, _error, { deal }) => resyncBoards(queryClient, deal.pipelineId),
  });
}
