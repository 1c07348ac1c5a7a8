import { Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../ui/form-errors.ts';
import { autoMergeBatch, autoMergeKey, fetchAutoMergeCount, type PairKind } from './duplicates-api.ts';
import { refreshAfterMerge, showMergedNotice } from './merge-notice.tsx';

/**
 * "Merge N exact matches…": shows the count first and asks to confirm, then merges in batches of 50
 * with a progress bar. Every merge stays undoable; the notice offers to undo the whole run.
 */
export function AutoMerge({ kind }: { kind: PairKind }) {
  const { t } = useTranslation('duplicates');
  const queryClient = useQueryClient();
  const count =
    useQuery({ queryKey: autoMergeKey(kind), queryFn: () => fetchAutoMergeCount(kind) }).data?.count ?? 0;
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<{ merged: number; total: number } | null>(null);
  if (count === 0) return null;

  const run = async () => {
    const total = count;
    const mergeIds: string[] = [];
    let skipped = 0;
    setProgress({ merged: 0, total });
    try {
      for (;;) {
        const batch = await autoMergeBatch(kind);
        mergeIds.push(...batch.mergeIds);
        skipped += batch.skipped;
        setProgress({ merged: mergeIds.length, total });
        // Stop when nothing more could be merged (pairs skipped for rights stay open).
        if (batch.remaining === 0 || batch.merged === 0) break;
      }
      showMergedNotice(t, queryClient, t('auto.done', { merged: mergeIds.length, skipped }), mergeIds);
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error, '') });
    } finally {
      setProgress(null);
      setConfirming(false);
      await refreshAfterMerge(queryClient);
    }
  };

  return (
    <>
      <Group>
        <Button variant="light" onClick={() => setConfirming(true)} data-testid="auto-merge">
          {t('auto.button', { count })}
        </Button>
      </Group>
      <Modal opened={confirming} onClose={() => !progress && setConfirming(false)} title={t('auto.title')}>
        <Stack>
          <Text size="sm">{t('auto.body', { count })}</Text>
          {progress && (
            <>
              <Progress value={(100 * progress.merged) / Math.max(progress.total, 1)} animated />
              <Text size="sm" c="dimmed">
                {t('auto.progress', progress)}
              </Text>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={Boolean(progress)}>
              {t('records:cancel')}
            </Button>
            <Button onClick={() => void run()} loading={Boolean(progress)} data-testid="auto-merge-confirm">
              {t('auto.confirm', { count })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
