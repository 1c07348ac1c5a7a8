// The "Enrich" action of an account: runs the providers, then shows what was found, what was written,
// and what was kept because a person had set it, with the choice to overwrite those field by field.
import type { EnrichableField, EnrichmentResult } from '@baken/core/enrichment/enrichment.schema';
import { Badge, Button, Checkbox, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../ui/form-errors.ts';
import { useEnrich, useEnrichmentState } from './enrichment-api.ts';

const outcomeColors = { applied: 'green', unchanged: 'gray', kept_user_value: 'orange' } as const;

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return Object.values(value as Record<string, string>).join(', ');
  return String(value);
}

function ResultSummary({
  result,
  onOverwrite,
  overwriting,
}: {
  result: EnrichmentResult;
  onOverwrite: (fields: EnrichableField[]) => void;
  overwriting: boolean;
}) {
  const { t } = useTranslation('enrichment');
  const [chosen, setChosen] = useState<string[]>([]);
  const count = (outcome: string) => result.fields.filter((field) => field.outcome === outcome).length;
  const toggle = (field: string) =>
    setChosen((now) => (now.includes(field) ? now.filter((name) => name !== field) : [...now, field]));
  return (
    <Stack gap="sm" data-testid="enrich-result">
      <Group gap="xs">
        {result.providers.map((provider) => (
          <Badge
            key={provider.source}
            color={provider.status === 'found' ? 'green' : provider.status === 'failed' ? 'red' : 'gray'}
            variant="light"
            title={provider.detail ?? undefined}
          >
            {t(`sources.${provider.source}`, { defaultValue: provider.source })}:{' '}
            {t(`status.${provider.status}`)}
          </Badge>
        ))}
      </Group>
      {result.providers
        .filter((provider) => provider.reason || provider.detail)
        .map((provider) => (
          <Text key={provider.source} size="sm" c="dimmed" title={provider.detail ?? undefined}>
            {t(`sources.${provider.source}`, { defaultValue: provider.source })}:{' '}
            {provider.reason
              ? t(`reasons.${provider.reason}`, { defaultValue: provider.detail ?? provider.reason })
              : provider.detail}
          </Text>
        ))}
      <Text size="sm" data-testid="enrich-counts">
        {t('counts', {
          found: result.fields.length,
          applied: count('applied'),
          kept: count('kept_user_value'),
        })}
      </Text>
      {result.fields.length > 0 && (
        <Table striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('column.field')}</Table.Th>
              <Table.Th>{t('column.found')}</Table.Th>
              <Table.Th>{t('column.source')}</Table.Th>
              <Table.Th>{t('column.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.fields.map((field) => (
              <Table.Tr key={field.field} data-testid={`enrich-field-${field.field}`}>
                <Table.Td>
                  {t(`records:fields.${field.field}`, { defaultValue: t(`fields.${field.field}`) })}
                </Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{shown(field.value)}</Table.Td>
                <Table.Td>{t(`sources.${field.source}`, { defaultValue: field.source })}</Table.Td>
                <Table.Td>
                  {field.outcome === 'kept_user_value' ? (
                    <Checkbox
                      size="xs"
                      label={t('overwrite', { current: shown(field.current) })}
                      checked={chosen.includes(field.field)}
                      onChange={() => toggle(field.field)}
                    />
                  ) : (
                    <Badge size="sm" variant="light" color={outcomeColors[field.outcome]}>
                      {t(`outcome.${field.outcome}`)}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {count('kept_user_value') > 0 && (
        <Group justify="flex-end">
          <Button
            size="xs"
            variant="light"
            disabled={chosen.length === 0}
            loading={overwriting}
            onClick={() => onOverwrite(chosen as EnrichableField[])}
          >
            {t('overwriteChosen', { count: chosen.length })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The button and its result window; shown to people who may change the account, when enrichment is on. */
export function EnrichAction({ accountId }: { accountId: string }) {
  const { t } = useTranslation('enrichment');
  const enrich = useEnrich(accountId);
  const providers = useEnrichmentState(accountId).data?.providers;
  const [open, setOpen] = useState(false);
  const run = (overwrite?: EnrichableField[]) => {
    setOpen(true);
    enrich.mutate(overwrite);
  };
  // Switched off on this server (no providers): nothing to offer.
  if (providers?.length === 0) return null;
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconSparkles size={16} />}
        loading={enrich.isPending && !open}
        onClick={() => run()}
        data-testid="enrich"
      >
        {t('enrich')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('resultTitle')} size="lg">
        {enrich.isPending && !enrich.data && (
          <Text size="sm" c="dimmed" data-testid="enrich-pending">
            {t('running')}
          </Text>
        )}
        {enrich.isError && (
          <Text size="sm" c="red">
            {messageOf(enrich.error, t('failed'))}
          </Text>
        )}
        {enrich.data && (
          <ResultSummary
            key={enrich.submittedAt}
            result={enrich.data}
            overwriting={enrich.isPending}
            onOverwrite={(fields) => run(fields)}
          />
        )}
      </Modal>
    </>
  );
}
