// After an import: the scan for likely duplicates that completing it queued, and where to review
// what it found.
import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLatestScan } from '../duplicates/use-latest-scan.ts';

interface Props {
  recordType: 'contact' | 'account';
  finishedAt: string | null;
}

export function ImportDuplicates({ recordType, finishedAt }: Props) {
  const { t } = useTranslation('imports');
  const scan = useLatestScan();
  const afterImport =
    scan &&
    finishedAt &&
    Date.parse(scan.startedAt) >= Date.parse(finishedAt) &&
    scan.recordTypes.includes(recordType);
  if (!afterImport) return null;
  if (scan.status === 'queued' || scan.status === 'running') {
    return (
      <Text size="sm" c="dimmed" role="status">
        {t('duplicates.searching')}
      </Text>
    );
  }
  if (scan.status !== 'done') return null;
  if (!scan.pairsFound) {
    return (
      <Text size="sm" c="dimmed" data-testid="import-duplicates">
        {t('duplicates.none')}
      </Text>
    );
  }
  return (
    <Alert color="yellow" data-testid="import-duplicates">
      {t('duplicates.found', { count: scan.pairsFound })}{' '}
      <Anchor component={Link} to="/duplicates">
        {t('duplicates.review')}
      </Anchor>
    </Alert>
  );
}
