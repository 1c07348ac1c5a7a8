import { Badge, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { busyStatuses, type ImportStatus } from './imports-api.ts';

const colors: Record<ImportStatus, string> = {
  uploaded: 'gray',
  checking: 'blue',
  checked: 'cyan',
  queued: 'blue',
  running: 'blue',
  completed: 'green',
  failed: 'red',
  undone: 'gray',
};

export function StatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation('imports');
  return (
    <Badge
      color={colors[status]}
      variant="light"
      leftSection={busyStatuses.includes(status) ? <Loader size={10} color={colors[status]} /> : null}
      data-testid="import-status"
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
