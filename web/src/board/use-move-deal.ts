// Moving a deal to another stage: the card moves at once, the server decides probability, close
// date and forecast category, and a refusal puts the card back with the server's reason.
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { patch } from '../app/api.ts';
import { messageOf } from '../ui/form-errors.ts';
import { boardDealsRoot, type Deal, type DealPages, replaceDeal } from './board-deals.ts';

export interface Move {
  deal: Deal;
  stageId: string;
  lostReason?: string;
}

type Snapshot = [readonly unknown[], DealPages | undefined][];

export function useMoveDeal() {
  const queryClient = useQueryClient();
  const { t } = useTranslation('board');
  return useMutation<Deal, unknown, Move, Snapshot>({
    mutationFn: ({ deal, stageId, lostReason }) =>
      patch<Deal>(`/deals/${deal.id}`, { stageId, ...(lostReason ? { lostReason } : {}) }),
    onMutate: async ({ deal, stageId, lostReason }) => {
      // A page still arriving would otherwise overwrite the optimistic move with the old stage.
      await queryClient.cancelQueries({ queryKey: boardDealsRoot });
      const snapshot = queryClient.getQueriesData<DealPages>({ queryKey: boardDealsRoot });
      replaceDeal(queryClient, { ...deal, stageId, lostReason: lostReason ?? deal.lostReason });
      return snapshot;
    },
    onError: (error, { deal }, snapshot) => {
      for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
      notifications.show({
        color: 'red',
        title: t('move.failed', { name: deal.name }),
        message: messageOf(error, t('move.failedHint')),
      });
    },
    onSuccess: (saved) => {
      replaceDeal(queryClient, saved);
      // The list and record pages cache deals under their own keys; they should ask again.
      void queryClient.invalidateQueries({ queryKey: ['deals'] });
      void queryClient.invalidateQueries({ queryKey: ['deal', saved.id] });
    },
  });
}
