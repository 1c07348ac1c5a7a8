import { Alert, Button, List, Modal, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BulkProgress } from './bulk-run.ts';

/** Progress of a bulk change, then a summary of what failed and why. */
export function BulkProgressModal({
  progress,
  onClose,
}: {
  progress: BulkProgress | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('ui');
  const finished = progress?.finished ?? false;
  return (
    <Modal
      opened={progress !== null}
      onClose={() => finished && onClose()}
      withCloseButton={finished}
      title={t(finished ? 'bulk.finishedTitle' : 'bulk.runningTitle')}
    >
      {progress && (
        <Stack>
          <Progress
            value={(progress.done / Math.max(progress.total, 1)) * 100}
            aria-label={t('bulk.runningTitle')}
          />
          <Text size="sm">{t('bulk.progress', { done: progress.done, total: progress.total })}</Text>
          {finished && progress.failures.length === 0 && <Alert color="green">{t('bulk.allDone')}</Alert>}
          {progress.failures.length > 0 && (
            <Alert color="red" title={t('bulk.failures', { count: progress.failures.length })}>
              <List size="sm">
                {progress.failures.slice(0, 20).map((failure) => (
                  <List.Item key={failure.name + failure.message}>
                    {failure.name}: {failure.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {finished && <Button onClick={onClose}>{t('bulk.close')}</Button>}
        </Stack>
      )}
    </Modal>
  );
}
