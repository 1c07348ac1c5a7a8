import { rejectReasons } from '@baken/core/leads/handover.fields';
import type { Handover } from '@baken/core/leads/handover.schema';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../app/api.ts';
import { formatDateTime, formatNumber } from '../app/format.ts';
import { canWrite, useMe } from '../app/session.ts';
import { useMembers } from '../app/workspace-data.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { messageOf } from '../ui/form-errors.ts';

type Status = Handover['status'];
interface HandoverPage {
  data: Handover[];
  nextCursor: string | null;
}

const inboxKey = ['lead-handovers'] as const;

function ServiceLevel({ handover }: { handover: Handover }) {
  const { t } = useTranslation('leads');
  if (handover.breachedAt) return <Badge color="red">{t('inbox.breached')}</Badge>;
  if (handover.firstTouchAt) return <Badge color="green">{t('inbox.touched')}</Badge>;
  return (
    <Text size="sm" title={t('inbox.dueHint')}>
      {t('inbox.dueAt', { at: formatDateTime(handover.dueAt) })}
    </Text>
  );
}

function RejectDialog({
  handover,
  onClose,
  onReject,
  pending,
  error,
}: {
  handover: Handover | null;
  onClose: () => void;
  onReject: (reason: string, note: string) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation('leads');
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  return (
    <Modal
      opened={handover !== null}
      onClose={onClose}
      title={t('inbox.rejectTitle', { name: handover?.contactName })}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (reason) onReject(reason, note);
        }}
      >
        <Stack>
          <Select
            label={t('inbox.reason')}
            required
            data-autofocus
            data={rejectReasons.map((value) => ({ value, label: t(`reasons.${value}`) }))}
            value={reason}
            onChange={setReason}
          />
          <Textarea
            label={t('inbox.note')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          {error ? <Alert color="red">{messageOf(error, t('inbox.decisionError'))}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('inbox.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={!reason} loading={pending}>
              {t('inbox.reject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The lead inbox: MQLs marketing handed to sales, for their owner to accept (SQL) or reject with a
 * reason, with the first-touch deadline of the service level beside each.
 */
export function LeadInboxPage() {
  const { t } = useTranslation('leads');
  const { t: tr } = useTranslation('records');
  const me = useMe().data;
  const members = useMembers().data ?? [];
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>('pending');
  const [owner, setOwner] = useState<'me' | 'all'>('me');
  const [breachedOnly, setBreachedOnly] = useState(false);
  const [rejecting, setRejecting] = useState<Handover | null>(null);
  const pages = useInfiniteQuery({
    queryKey: [...inboxKey, status, owner, breachedOnly],
    queryFn: ({ pageParam }) =>
      get<HandoverPage>('/lead-handovers', {
        status,
        owner,
        limit: '50',
        ...(breachedOnly ? { breached: 'true' } : {}),
        ...(pageParam ? { cursor: pageParam } : {}),
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const decide = useMutation({
    mutationFn: ({ id, body }: { id: string; body: object }) =>
      post<Handover>(`/lead-handovers/${id}/decision`, body),
    onSuccess: () => {
      setRejecting(null);
      void queryClient.invalidateQueries({ queryKey: inboxKey });
    },
  });
  const rows = pages.data?.pages.flatMap((page) => page.data) ?? [];
  const nameOf = (id: string | null) => members.find((member) => member.id === id)?.name ?? t('inbox.nobody');
  const writable = canWrite(me);
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t('inbox.title')}</Title>
        <Text c="dimmed" size="sm" maw={720}>
          {t('inbox.intro')}
        </Text>
      </Stack>
      <Group>
        <SegmentedControl
          aria-label={t('inbox.status')}
          value={status}
          onChange={(value) => setStatus(value as Status)}
          data={(['pending', 'accepted', 'rejected'] as const).map((value) => ({
            value,
            label: t(`inbox.statuses.${value}`),
          }))}
        />
        <SegmentedControl
          aria-label={t('inbox.whose')}
          value={owner}
          onChange={(value) => setOwner(value as 'me' | 'all')}
          data={[
            { value: 'me', label: t('inbox.mine') },
            { value: 'all', label: t('inbox.everyone') },
          ]}
        />
        <Switch
          label={t('inbox.breachedOnly')}
          checked={breachedOnly}
          onChange={(event) => setBreachedOnly(event.currentTarget.checked)}
        />
      </Group>
      {pages.isPending && <Loader aria-label={t('loading')} />}
      {pages.isError && <Alert color="red">{messageOf(pages.error, t('inbox.error'))}</Alert>}
      {decide.isError && !rejecting && (
        <Alert color="red">{messageOf(decide.error, t('inbox.decisionError'))}</Alert>
      )}
      {pages.data && rows.length === 0 && (
        <EmptyState title={t(`inbox.empty.${status}.title`)} body={t(`inbox.empty.${status}.body`)} />
      )}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover data-testid="lead-inbox">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('inbox.columns.contact')}</Table.Th>
                <Table.Th>{t('inbox.columns.source')}</Table.Th>
                <Table.Th>{t('inbox.columns.score')}</Table.Th>
                <Table.Th>{t('inbox.columns.mqlAt')}</Table.Th>
                <Table.Th>{t('inbox.columns.owner')}</Table.Th>
                <Table.Th>{t('inbox.columns.sla')}</Table.Th>
                <Table.Th>
                  {status === 'pending' ? t('inbox.columns.answer') : t('inbox.columns.outcome')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((handover) => (
                <Table.Tr key={handover.id} data-testid={`handover-${handover.contactId}`}>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => (
                        <Link {...props} to="/contacts/$id" params={{ id: handover.contactId }} />
                      )}
                    >
                      {handover.contactName}
                    </Anchor>
                    {handover.accountName && (
                      <Text size="xs" c="dimmed">
                        {handover.accountName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{handover.source ?? '—'}</Table.Td>
                  <Table.Td>{handover.score === null ? '—' : formatNumber(handover.score)}</Table.Td>
                  <Table.Td>{formatDateTime(handover.mqlAt)}</Table.Td>
                  <Table.Td>{nameOf(handover.routedTo)}</Table.Td>
                  <Table.Td>
                    <ServiceLevel handover={handover} />
                  </Table.Td>
                  <Table.Td>
                    {handover.status === 'pending' ? (
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          disabled={!writable}
                          loading={decide.isPending && decide.variables?.id === handover.id}
                          onClick={() => decide.mutate({ id: handover.id, body: { decision: 'accept' } })}
                        >
                          {t('inbox.accept')}
                        </Button>
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          disabled={!writable}
                          onClick={() => setRejecting(handover)}
                        >
                          {t('inbox.reject')}
                        </Button>
                      </Group>
                    ) : (
                      <Text size="sm">
                        {handover.status === 'accepted'
                          ? tr('enums.lifecycleStage.sql')
                          : t(`reasons.${handover.reason ?? 'other'}`)}
                        {handover.note ? ` — ${handover.note}` : ''}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
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
          {t('inbox.more')}
        </Button>
      )}
      <RejectDialog
        key={rejecting?.id ?? 'closed'}
        handover={rejecting}
        onClose={() => {
          setRejecting(null);
          decide.reset();
        }}
        pending={decide.isPending}
        error={decide.error}
        onReject={(reason, note) =>
          rejecting &&
          decide.mutate({
            id: rejecting.id,
            body: { decision: 'reject', reason, ...(note.trim() ? { note: note.trim() } : {}) },
          })
        }
      />
    </Stack>
  );
}
