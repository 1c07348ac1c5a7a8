import type { Account } from '@baken/core/accounts/account.schema';
import type { Contact } from '@baken/core/contacts/contact.schema';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format.ts';
import { canWrite, useMe } from '../app/session.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { messageOf } from '../ui/form-errors.ts';
import { AutoMerge } from './auto-merge.tsx';
import {
  dismissPair,
  duplicatesKey,
  fetchPairs,
  type Pair,
  type PairKind,
  scanKey,
  startScan,
} from './duplicates-api.ts';
import { MergeDialog } from './merge-dialog.tsx';
import { reasonsText } from './reasons.ts';
import { RecordSummary } from './record-summary.tsx';
import { useLatestScan } from './use-latest-scan.ts';

type AnyRecord = Contact | Account;

/** The latest scan, polled while it runs; the lists refresh when it finishes. */
function ScanStatus({ writer }: { writer: boolean }) {
  const { t } = useTranslation('duplicates');
  const queryClient = useQueryClient();
  const scan = useLatestScan();
  const wasActive = useRef(false);
  const active = scan?.status === 'queued' || scan?.status === 'running';
  useEffect(() => {
    if (wasActive.current && !active) void queryClient.invalidateQueries({ queryKey: ['duplicates'] });
    wasActive.current = active;
  }, [active, queryClient]);
  const start = useMutation({
    mutationFn: startScan,
    onSuccess: async () => {
      notifications.show({ message: t('scan.started') });
      await queryClient.invalidateQueries({ queryKey: scanKey });
    },
    onError: (error) => notifications.show({ color: 'red', message: messageOf(error, '') }),
  });
  let status = t('scan.never');
  if (scan?.status === 'queued') status = t('scan.queued');
  if (scan?.status === 'running') status = t('scan.running', { phase: scan.phase ?? '' });
  if (scan?.status === 'done')
    status = t('scan.done', { at: formatDateTime(scan.finishedAt), count: scan.pairsFound ?? 0 });
  if (scan?.status === 'failed') status = t('scan.failed', { error: scan.error ?? '' });
  return (
    <Group gap="sm">
      {active && <Loader size="xs" />}
      <Text size="sm" c="dimmed" data-testid="scan-status">
        {status}
      </Text>
      {writer && (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconRefresh size={14} />}
          onClick={() => start.mutate()}
          loading={start.isPending}
          disabled={active}
        >
          {t('scan.start')}
        </Button>
      )}
    </Group>
  );
}

function PairCard({
  kind,
  pair,
  writer,
  onMerge,
}: {
  kind: PairKind;
  pair: Pair<AnyRecord>;
  writer: boolean;
  onMerge: () => void;
}) {
  const { t, i18n } = useTranslation('duplicates');
  const queryClient = useQueryClient();
  const dismiss = useMutation({
    mutationFn: () => dismissPair(pair.id),
    onSuccess: async () => {
      notifications.show({ message: t('pair.dismissed') });
      await queryClient.invalidateQueries({ queryKey: ['duplicates'] });
    },
    onError: (error) => notifications.show({ color: 'red', message: messageOf(error, '') }),
  });
  return (
    <Card withBorder data-testid="duplicate-pair">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs">
            <Badge color={pair.score >= 90 ? 'red' : pair.score >= 70 ? 'orange' : 'yellow'} variant="light">
              {t('pair.score', { score: pair.score })}
            </Badge>
            {pair.exact && <Badge variant="outline">{t('pair.exact')}</Badge>}
            <Text size="sm">{reasonsText(t, pair.reasons, i18n.language)}</Text>
          </Group>
          {writer && (
            <Group gap="xs" wrap="nowrap">
              <Button
                size="xs"
                variant="default"
                onClick={() => dismiss.mutate()}
                loading={dismiss.isPending}
              >
                {t('pair.dismiss')}
              </Button>
              <Button size="xs" onClick={onMerge} data-testid="open-merge">
                {t('pair.merge')}
              </Button>
            </Group>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <RecordSummary kind={kind} record={pair.a} />
          <RecordSummary kind={kind} record={pair.b} />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function PairList({ kind, writer }: { kind: PairKind; writer: boolean }) {
  const { t } = useTranslation('duplicates');
  const [merging, setMerging] = useState<Pair<AnyRecord> | null>(null);
  const pages = useInfiniteQuery({
    queryKey: duplicatesKey(kind),
    queryFn: ({ pageParam }) => fetchPairs(kind, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const pairs = (pages.data?.pages.flatMap((page) => page.data) ?? []) as Pair<AnyRecord>[];
  if (pages.isPending) return <Loader />;
  if (pages.isError) return <Alert color="red">{messageOf(pages.error, '')}</Alert>;
  return (
    <Stack>
      {writer && <AutoMerge kind={kind} />}
      {pairs.length === 0 && <EmptyState title={t('empty.title')} body={t('empty.body')} />}
      {pairs.map((pair) => (
        <PairCard key={pair.id} kind={kind} pair={pair} writer={writer} onMerge={() => setMerging(pair)} />
      ))}
      {pages.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void pages.fetchNextPage()}
          loading={pages.isFetchingNextPage}
        >
          {t('app:common.loadMore')}
        </Button>
      )}
      {merging && (
        <MergeDialog
          kind={kind}
          pair={merging}
          onClose={() => setMerging(null)}
          onMerged={() => setMerging(null)}
        />
      )}
    </Stack>
  );
}

/** Duplicates / Dubbelen: review the pairs a scan found, merge or dismiss them. */
export function DuplicatesPage() {
  const { t } = useTranslation('duplicates');
  const writer = canWrite(useMe().data);
  const [tab, setTab] = useState<PairKind>('contacts');
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('title')}</Title>
          <Text c="dimmed" size="sm" maw={720}>
            {t('intro')}
          </Text>
        </Stack>
        <ScanStatus writer={writer} />
      </Group>
      <Tabs value={tab} onChange={(value) => setTab((value as PairKind) ?? 'contacts')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="contacts">{t('tabs.contacts')}</Tabs.Tab>
          <Tabs.Tab value="accounts">{t('tabs.accounts')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="contacts" pt="md">
          <PairList kind="contacts" writer={writer} />
        </Tabs.Panel>
        <Tabs.Panel value="accounts" pt="md">
          <PairList kind="accounts" writer={writer} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
