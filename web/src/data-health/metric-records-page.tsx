import type { DataHealthMetric } from '@baken/core/data-health/data-health.schema';
import { Alert, Anchor, Button, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { get, type Page } from '../app/api.ts';
import { messageOf } from '../ui/form-errors.ts';

interface MetricRecord {
  id: string;
  name: string;
  value: string | null;
}

/** The records one data health count stands for, when no list filter can show them. */
export function MetricRecordsPage({ metric }: { metric: string }) {
  const { t } = useTranslation('data-health');
  const staleMonths = Number(new URLSearchParams(window.location.search).get('staleMonths') ?? 12) || 12;
  const kind = metric.startsWith('contacts.') ? 'contacts' : 'accounts';
  const pages = useInfiniteQuery({
    queryKey: ['data-health', 'records', metric, staleMonths],
    queryFn: ({ pageParam }) =>
      get<Page<MetricRecord>>('/data-health/records', { metric, staleMonths, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = pages.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Stack>
      <Anchor size="sm" renderRoot={(rootProps) => <Link {...rootProps} to="/data-health" />}>
        {t('records.back')}
      </Anchor>
      <Title order={1}>
        {t(`sections.${kind}`)}{' '}
        {t(`metrics.${metric as DataHealthMetric}`, { months: t('months', { count: staleMonths }) })}
      </Title>
      {pages.isPending && <Loader />}
      {pages.isError && <Alert color="red">{messageOf(pages.error, '')}</Alert>}
      {pages.isSuccess && rows.length === 0 && <Text c="dimmed">{t('records.empty')}</Text>}
      {rows.length > 0 && (
        <Table striped data-testid="metric-records">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('records.name')}</Table.Th>
              <Table.Th>{t('records.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>
                  <Anchor
                    size="sm"
                    renderRoot={(rootProps) => (
                      <Link
                        {...rootProps}
                        to={kind === 'contacts' ? '/contacts/$id' : '/accounts/$id'}
                        params={{ id: row.id }}
                      />
                    )}
                  >
                    {row.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{row.value ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pages.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void pages.fetchNextPage()}
          loading={pages.isFetchingNextPage}
        >
          {t('app:common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
