import type { LeadQuality, ServiceLevels } from '@baken/core/leads/handover.schema';
import { Alert, Badge, Card, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../app/api.ts';
import { formatNumber } from '../app/format.ts';
import { useMembers } from '../app/workspace-data.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { messageOf } from '../ui/form-errors.ts';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

function Period({
  period,
  onChange,
}: {
  period: { from: string; to: string };
  onChange: (period: { from: string; to: string }) => void;
}) {
  const { t } = useTranslation('leads');
  return (
    <Group>
      <TextInput
        type="date"
        label={t('reports.from')}
        value={period.from}
        onChange={(event) => onChange({ ...period, from: event.currentTarget.value })}
      />
      <TextInput
        type="date"
        label={t('reports.to')}
        value={period.to}
        onChange={(event) => onChange({ ...period, to: event.currentTarget.value })}
      />
    </Group>
  );
}

function FirstTouchTables({ levels }: { levels: ServiceLevels }) {
  const { t } = useTranslation('leads');
  const members = useMembers().data ?? [];
  const nameOf = (id: string | null) => members.find((member) => member.id === id)?.name ?? t('inbox.nobody');
  return (
    <Group align="flex-start" grow>
      <Table data-testid="sla-by-month">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.month')}</Table.Th>
            <Table.Th>{t('reports.mqls')}</Table.Th>
            <Table.Th>{t('reports.due')}</Table.Th>
            <Table.Th>{t('reports.breached')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {levels.byMonth.map((row) => (
            <Table.Tr key={row.month}>
              <Table.Td>{row.month}</Table.Td>
              <Table.Td>
                {formatNumber(row.mqls)}{' '}
                {row.mqlTargetMet !== null && (
                  <Badge size="xs" color={row.mqlTargetMet ? 'green' : 'orange'}>
                    {row.mqlTargetMet ? t('reports.targetMet') : t('reports.targetMissed')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{formatNumber(row.due)}</Table.Td>
              <Table.Td>
                {formatNumber(row.breached)} ({percent(row.breachRate)})
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table data-testid="sla-by-rep">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.rep')}</Table.Th>
            <Table.Th>{t('reports.due')}</Table.Th>
            <Table.Th>{t('reports.breached')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {levels.byRep.map((row) => (
            <Table.Tr key={row.userId ?? 'nobody'}>
              <Table.Td>{nameOf(row.userId)}</Table.Td>
              <Table.Td>{formatNumber(row.due)}</Table.Td>
              <Table.Td>
                {formatNumber(row.breached)} ({percent(row.breachRate)})
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Group>
  );
}

function LeadQualityTable({ quality }: { quality: LeadQuality }) {
  const { t } = useTranslation('leads');
  if (quality.data.length === 0)
    return <EmptyState title={t('reports.noLeads.title')} body={t('reports.noLeads.body')} />;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid="lead-quality">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.source')}</Table.Th>
            <Table.Th>{t('reports.mqls')}</Table.Th>
            <Table.Th>{t('reports.accepted')}</Table.Th>
            <Table.Th>{t('reports.rejected')}</Table.Th>
            <Table.Th>{t('reports.waiting')}</Table.Th>
            <Table.Th title={t('reports.wonHint')}>{t('reports.won')}</Table.Th>
            <Table.Th>{t('reports.reasons')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {quality.data.map((row) => (
            <Table.Tr key={row.source ?? ''}>
              <Table.Td>{row.source ?? t('reports.noSource')}</Table.Td>
              <Table.Td>{formatNumber(row.mqls)}</Table.Td>
              <Table.Td>
                {formatNumber(row.accepted)} ({percent(row.acceptanceRate)})
              </Table.Td>
              <Table.Td>{formatNumber(row.rejected)}</Table.Td>
              <Table.Td>{formatNumber(row.pending)}</Table.Td>
              <Table.Td>
                {formatNumber(row.won)} ({percent(row.acceptedToWonRate)})
              </Table.Td>
              <Table.Td>
                {row.rejections
                  .map((rejection) => `${t(`reasons.${rejection.reason}`)} ${rejection.count}`)
                  .join(', ') || '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Marketing and sales on one page: the service levels they agreed (MQLs a month, first touch in
 * business hours) and what sales made of marketing's leads, by source.
 */
export function ServiceLevelsPage() {
  const { t } = useTranslation('leads');
  const [period, setPeriod] = useState({ from: '', to: '' });
  const query = { ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) };
  const levels = useQuery({
    queryKey: ['reports', 'service-levels', query],
    queryFn: () => get<ServiceLevels>('/reports/service-levels', query),
  });
  const quality = useQuery({
    queryKey: ['reports', 'lead-quality', query],
    queryFn: () => get<LeadQuality>('/reports/lead-quality', query),
  });
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t('reports.title')}</Title>
        <Text c="dimmed" size="sm" maw={720}>
          {t('reports.intro')}
        </Text>
      </Stack>
      <Period period={period} onChange={setPeriod} />
      {(levels.isPending || quality.isPending) && <Loader aria-label={t('loading')} />}
      {levels.isError && <Alert color="red">{messageOf(levels.error, t('reports.error'))}</Alert>}
      {levels.data && (
        <Card withBorder>
          <Stack>
            <Group justify="space-between">
              <Title order={2} size="h3">
                {t('reports.serviceLevels')}
              </Title>
              <Badge
                color={levels.data.openBreaches > 0 ? 'red' : 'green'}
                size="lg"
                data-testid="open-breaches"
              >
                {t('reports.openBreaches', { count: levels.data.openBreaches })}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('reports.levelsHint', {
                hours: levels.data.firstTouchHours,
                target: levels.data.mqlMonthlyTarget ?? '—',
              })}
            </Text>
            <FirstTouchTables levels={levels.data} />
          </Stack>
        </Card>
      )}
      {quality.isError && <Alert color="red">{messageOf(quality.error, t('reports.error'))}</Alert>}
      {quality.data && (
        <Card withBorder>
          <Stack>
            <Title order={2} size="h3">
              {t('reports.leadQuality')}
            </Title>
            <LeadQualityTable quality={quality.data} />
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
