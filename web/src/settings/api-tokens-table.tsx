import { Badge, Button, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { del } from '../app/api.ts';
import { formatDateTime } from '../app/format.ts';
import { useMembers } from '../app/workspace-data.ts';
import { messageOf } from '../ui/form-errors.ts';
import { type ApiToken, apiTokensQueryKey } from './settings-api.ts';

function useRevokeToken() {
  const { t } = useTranslation('settings');
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => del(`/api-tokens/${id}`),
    onSuccess: () => notifications.show({ color: 'teal', message: t('tokens.revoked') }),
    onError: (error) => notifications.show({ color: 'red', message: messageOf(error, t('tokens.failed')) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryKey }),
  });
}

/** Admins see every member's tokens (the API decides), so the table names whose each one is. */
export function ApiTokensTable({ tokens, timeZone }: { tokens: ApiToken[]; timeZone?: string }) {
  const { t } = useTranslation('settings');
  const members = useMembers();
  const revoke = useRevokeToken();
  const ownerName = (userId: string) => members.data?.find((member) => member.id === userId)?.name ?? '—';
  const confirmRevoke = (token: ApiToken) =>
    modals.openConfirmModal({
      title: t('tokens.revokeTitle'),
      children: <Text size="sm">{t('tokens.revokeConfirm', { name: token.name })}</Text>,
      labels: { confirm: t('tokens.revoke'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => revoke.mutate(token.id),
    });
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" data-testid="api-tokens-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tokens.name')}</Table.Th>
            <Table.Th>{t('tokens.scope')}</Table.Th>
            <Table.Th>{t('tokens.owner')}</Table.Th>
            <Table.Th>{t('tokens.created')}</Table.Th>
            <Table.Th>{t('tokens.lastUsed')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id} c={token.revokedAt ? 'dimmed' : undefined}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={token.scope === 'read' ? 'blue' : 'orange'}>
                  {t(`tokens.scopes.${token.scope}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{ownerName(token.userId)}</Table.Td>
              <Table.Td>{formatDateTime(token.createdAt, timeZone)}</Table.Td>
              <Table.Td>
                {token.lastUsedAt ? formatDateTime(token.lastUsedAt, timeZone) : t('tokens.neverUsed')}
              </Table.Td>
              <Table.Td ta="right">
                {token.revokedAt ? (
                  <Badge color="gray">{t('tokens.revokedBadge')}</Badge>
                ) : (
                  <Button size="xs" variant="subtle" color="red" onClick={() => confirmRevoke(token)}>
                    {t('tokens.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
