import { Alert, Button, Card, Center, Loader, Text, Timeline, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get, type Page } from '../app/api.ts';
import { useMe } from '../app/session.ts';
import { useMembers } from '../app/workspace-data.ts';
import { messageOf } from '../ui/form-errors.ts';
import { type RecordKind, recordPath, timelineKey } from './record-api.ts';
import { type TimelineItem as Entry, entryIcon, isShown, TimelineEntry } from './timeline-entry.tsx';

const PAGE_SIZE = 25;

function useTimeline(kind: RecordKind, id: string) {
  return useInfiniteQuery({
    queryKey: timelineKey(kind, id),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      get<Page<Entry>>(`${recordPath(kind, id)}/timeline`, { limit: PAGE_SIZE, cursor: pageParam }),
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** What happened to a record, newest first: activities, field edits and stage moves. */
export function RecordTimeline({ kind, id }: { kind: RecordKind; id: string }) {
  const { t } = useTranslation('records');
  const me = useMe().data;
  const members = useMembers().data;
  const timeline = useTimeline(kind, id);
  const entries = (timeline.data?.pages ?? []).flatMap((page) => page.data).filter(isShown);
  const ctx = {
    t,
    members,
    timeZone: me?.workspace.timeZone ?? 'Europe/Amsterdam',
    currency: me?.workspace.currency ?? 'EUR',
  };
  return (
    <Card withBorder component="section" aria-labelledby="timeline-title">
      <Title order={2} size="h4" id="timeline-title" mb="sm">
        {t('timeline.title')}
      </Title>
      {timeline.isPending && (
        <Center py="md">
          <Loader size="sm" aria-label={t('loading')} />
        </Center>
      )}
      {timeline.isError && (
        <Alert color="red" title={t('timeline.failed')}>
          {messageOf(timeline.error, t('error'))}
        </Alert>
      )}
      {timeline.isSuccess && entries.length === 0 && <Text c="dimmed">{t('timeline.empty')}</Text>}
      {entries.length > 0 && (
        <Timeline bulletSize={28} lineWidth={2} data-testid="timeline">
          {entries.map((item) => (
            <Timeline.Item key={`${item.kind}-${item.id}`} bullet={entryIcon(item)}>
              <TimelineEntry item={item} ctx={ctx} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {timeline.hasNextPage && (
        <Button
          variant="subtle"
          mt="sm"
          onClick={() => void timeline.fetchNextPage()}
          loading={timeline.isFetchingNextPage}
        >
          {t('timeline.more')}
        </Button>
      )}
    </Card>
  );
}
