import type { FieldSource } from '@baken/core/enrichment/enrichment.schema';
import { sameValue } from '@baken/core/enrichment/enrichment-plan';
import { Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../app/format.ts';

type Sources = readonly FieldSource[] | undefined;

/** "Website · 26 Nov 2026" under a field whose value a provider found (and nobody changed since). */
export function SourceHint({ field, value, sources }: { field: string; value: unknown; sources: Sources }) {
  const { t } = useTranslation('enrichment');
  const source = sources?.find((candidate) => candidate.field === field);
  if (source?.setBy !== 'provider' || !sameValue(source.value, value)) return null;
  return (
    <Text size="xs" c="dimmed" data-testid={`source-${field}`}>
      {t(`sources.${source.source}`, { defaultValue: source.source })} ·{' '}
      {formatDate(String(source.fetchedAt))}
    </Text>
  );
}

/** The fields of a record grid, each with its source hint underneath (fields are keyed by their name). */
export function withSourceHints(items: ReactElement[], record: Record<string, unknown>, sources: Sources) {
  return items.map((item) => {
    const field = String(item.key);
    return (
      <Stack key={field} gap={0} miw={0}>
        {item}
        <SourceHint field={field} value={record[field]} sources={sources} />
      </Stack>
    );
  });
}
