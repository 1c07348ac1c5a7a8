import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { QueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { messageOf } from '../ui/form-errors.ts';
import { undoMerge } from './duplicates-api.ts';

/** Everything a merge or its undo may have changed: lists, records, pairs, counts. */
export async function refreshAfterMerge(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries();
}

/** "Merged into X." with an Undo button that puts both records back. */
export function showMergedNotice(
  t: TFunction<'duplicates'>,
  queryClient: QueryClient,
  name: string,
  mergeIds: string[],
) {
  const id = `merge-${mergeIds[0]}`;
  const undo = async () => {
    notifications.hide(id);
    try {
      for (const mergeId of [...mergeIds].reverse()) await undoMerge(mergeId);
      notifications.show({ color: 'green', message: t('merge.undone') });
    } catch (error) {
      notifications.show({ color: 'red', title: t('merge.undoFailed'), message: messageOf(error, '') });
    }
    await refreshAfterMerge(queryClient);
  };
  notifications.show({
    id,
    color: 'green',
    autoClose: 15_000,
    message: (
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{name}</Text>
        <Button size="xs" variant="light" onClick={() => void undo()} data-testid="undo-merge">
          {mergeIds.length > 1 ? t('auto.undoAll') : t('merge.undo')}
        </Button>
      </Group>
    ),
  });
}
