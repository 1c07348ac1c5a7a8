import type { DataHealth } from '@baken/core/data-health/data-health.schema';
import { Alert, Anchor, Card, Group, Loader, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../app/api.ts';
import { formatNumber } from '../app/format.ts';
import { messageOf } from '../ui/form-errors.ts';

type Metric = DataHealth['metrics'][number];

const periods = [3, 6, 12, 24];

/** Where a count leads: the list filtered to that set, or the metric's own page of records. */
function MetricLink({ metric, staleMonths, label }: { metric: Metric; staleMonths: number; label: string }) {
  const list = metric.recordType === 'contact' ? '/contacts' : '/accounts';
  if (metric.filters)
    return (
      <Anchor
        size="sm"
        renderRoot={(rootProps) => (
          <Link {...rootProps} to={list} search={{ filter: metric.filters } as never} />
        )}
      >
        {label}
      </Anchor>
    );
  return (
    <Anchor
      size="sm"
      renderRoot={(rootProps) => (
        <Link
          {...rootProps}
          to="/data-health/$metric"
          params={{ metric: metric.key }}
          search={{ staleMonths } as never}
        />
      )}
    >
      {label}
    </Anchor>
  );
}

function MetricCard({ metric, total, staleMonths }: { metric: Metric; total: number; staleMonths: number }) {
  const { t } = useTranslation('data-health');
  const share = total > 0 ? Math.round((100 * metric.count) / total) : 0;
  return (
    <Card withBorder padding="sm" data-testid={`metric-${metric.key}`}>
      <Stack gap={2}>
        <Text size="xs" c="dimmed" tt="uppercase">
          {t(`groups.${metric.group}`)}
        </Text>
        <Group gap="xs" align="baseline">
          <Text fz={28} fw={700} c={metric.count === 0 ? 'green' : undefined}>
            {formatNumber(metric.count)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('ofTotal', { total: formatNumber(total) })} ({share}%)
          </Text>
        </Group>
        <Text size="sm">{t(`metrics.${metric.key}`, { months: t('months', { count: staleMonths }) })}</Text>
        {metric.count > 0 && <MetricLink metric={metric} staleMonths={staleMonths} label={t('open')} />}
      </Stack>
    </Card>
  );
}

/** Data health / Datakwaliteit: what is missing, invalid, stale or doubled, each count a link to fix it. */
export function DataHealthPage() {
  const { t } = useTranslation('data-health');
  const [staleMonths, setStaleMonths] = useState(12);
  const health = useQuery({
    queryKey: ['data-health', staleMonths],
    queryFn: () => get<DataHealth>('/data-health', { staleMonths }),
  });
  const data = health.data;
  const section = (recordType: 'contact' | 'account') =>
    data?.metrics.filter((metric) => metric.recordType === recordType) ?? [];
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('title')}</Title>
          <Text c="dimmed" size="sm" maw={720}>
            {t('intro')}
          </Text>
        </Stack>
        <Select
          label={t('staleMonths')}
          w={200}
          allowDeselect={false}
          value={String(staleMonths)}
          onChange={(value) => setStaleMonths(Number(value ?? 12))}
          data={periods.map((months) => ({ value: String(months), label: t('months', { count: months }) }))}
        />
      </Group>
      {health.isPending && <Loader />}
      {health.isError && <Alert color="red">{messageOf(health.error, '')}</Alert>}
      {data && (
        <>
          {(['contact', 'account'] as const).map((recordType) => (
            <Stack key={recordType} gap="xs">
              <Title order={2} size="h3">
                {t(`sections.${recordType}s`)}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
                {section(recordType).map((metric) => (
                  <MetricCard
                    key={metric.key}
                    metric={metric}
                    total={recordType === 'contact' ? data.totals.contacts : data.totals.accounts}
                    staleMonths={data.staleMonths}
                  />
                ))}
              </SimpleGrid>
            </Stack>
          ))}
          <Stack gap="xs">
            <Title order={2} size="h3">
              {t('sections.duplicates')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              {(['contacts', 'accounts'] as const).map((kind) => (
                <Card withBorder padding="sm" key={kind} data-testid={`duplicates-${kind}`}>
                  <Stack gap={2}>
                    <Text fz={28} fw={700} c={data.duplicates[kind] === 0 ? 'green' : undefined}>
                      {formatNumber(data.duplicates[kind])}
                    </Text>
                    <Text size="sm">{t(`duplicates.${kind}`)}</Text>
                    {data.duplicates[kind] > 0 && (
                      <Anchor size="sm" renderRoot={(rootProps) => <Link {...rootProps} to="/duplicates" />}>
                        {t('open')}
                      </Anchor>
                    )}
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          </Stack>
        </>
      )}
    </Stack>
  );
}
