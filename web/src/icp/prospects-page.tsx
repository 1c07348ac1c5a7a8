// Prospect list: companies matching the ideal customer profile without an open deal, the best fit or
// the most engaged (first-party intent of their contacts) first.
import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../app/api.ts';
import { formatNumber } from '../app/format.ts';
import { useMembers } from '../app/workspace-data.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { messageOf } from '../ui/form-errors.ts';
import { type Prospect, type ProspectPage, prospectsKey, useIcp } from './icp-api.ts';

type Sort = 'fit' | 'engagement';

/** SBI codes as they are written: 62.01. */
const dotted = (code: string) => (/^\d{4,5}$/.test(code) ? `${code.slice(0, 2)}.${code.slice(2)}` : code);

function Fit({ fit }: { fit: number }) {
  const { t } = useTranslation('icp');
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={fit} w={70} size="sm" color="teal" aria-label={t('prospects.columns.fit')} />
      <Text size="sm" fw={600}>
        {formatNumber(fit)}
      </Text>
    </Group>
  );
}

function ProspectRow({ prospect, owner }: { prospect: Prospect; owner: string }) {
  return (
    <Table.Tr data-testid={`prospect-${prospect.id}`}>
      <Table.Td>
        <Anchor renderRoot={(props) => <Link {...props} to="/accounts/$id" params={{ id: prospect.id }} />}>
          {prospect.name}
        </Anchor>
      </Table.Td>
      <Table.Td>{prospect.city ?? '—'}</Table.Td>
      <Table.Td>{prospect.industryCode ? dotted(prospect.industryCode) : '—'}</Table.Td>
      <Table.Td>{prospect.employeeCount === null ? '—' : formatNumber(prospect.employeeCount)}</Table.Td>
      <Table.Td>{owner}</Table.Td>
      <Table.Td>
        <Fit fit={prospect.fit} />
      </Table.Td>
      <Table.Td>{formatNumber(Math.round(prospect.engagement))}</Table.Td>
    </Table.Tr>
  );
}

function NoProspects({ hasProfile, threshold }: { hasProfile: boolean; threshold: number }) {
  const { t } = useTranslation('icp');
  const navigate = useNavigate();
  const open = { onClick: () => void navigate({ to: '/settings/icp' }) };
  return hasProfile ? (
    <EmptyState
      title={t('prospects.empty.title')}
      body={t('prospects.empty.body', { threshold })}
      action={{ label: t('prospects.empty.action'), ...open }}
    />
  ) : (
    <EmptyState
      title={t('prospects.noProfile.title')}
      body={t('prospects.noProfile.body')}
      action={{ label: t('prospects.noProfile.action'), ...open }}
    />
  );
}

export function ProspectsPage() {
  const { t } = useTranslation('icp');
  const members = useMembers().data ?? [];
  const icp = useIcp();
  const [sort, setSort] = useState<Sort>('fit');
  const pages = useInfiniteQuery({
    queryKey: [...prospectsKey, sort],
    queryFn: ({ pageParam }) =>
      get<ProspectPage>('/prospects', { sort, limit: '50', ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = pages.data?.pages.flatMap((page) => page.data) ?? [];
  const ownerOf = (id: string | null) =>
    members.find((member) => member.id === id)?.name ?? t('prospects.noOwner');
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t('prospects.title')}</Title>
        <Text c="dimmed" size="sm" maw={720}>
          {t('prospects.intro')}
        </Text>
      </Stack>
      <Group>
        <SegmentedControl
          aria-label={t('prospects.sort')}
          value={sort}
          onChange={(value) => setSort(value as Sort)}
          data={(['fit', 'engagement'] as const).map((value) => ({
            value,
            label: t(`prospects.sortBy.${value}`),
          }))}
        />
      </Group>
      {pages.isPending && <Loader aria-label={t('loading')} />}
      {pages.isError && <Alert color="red">{messageOf(pages.error, t('prospects.failed'))}</Alert>}
      {pages.data && rows.length === 0 && !icp.isPending && (
        <NoProspects
          hasProfile={icp.data ? icp.data.icp !== null : true}
          threshold={icp.data?.icp?.fitThreshold ?? 0}
        />
      )}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={820}>
          <Table striped highlightOnHover data-testid="prospects">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('prospects.columns.name')}</Table.Th>
                <Table.Th>{t('prospects.columns.city')}</Table.Th>
                <Table.Th>{t('prospects.columns.industry')}</Table.Th>
                <Table.Th>{t('prospects.columns.employees')}</Table.Th>
                <Table.Th>{t('prospects.columns.owner')}</Table.Th>
                <Table.Th>{t('prospects.columns.fit')}</Table.Th>
                <Table.Th title={t('prospects.engagementHint')}>{t('prospects.columns.engagement')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((prospect) => (
                <ProspectRow key={prospect.id} prospect={prospect} owner={ownerOf(prospect.ownerId)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void pages.fetchNextPage()}
          loading={pages.isFetchingNextPage}
        >
          {t('prospects.more')}
        </Button>
      )}
    </Stack>
  );
}
