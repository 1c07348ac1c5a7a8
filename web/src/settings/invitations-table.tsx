import { Button, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { del } from '../app/api.ts';
import { formatDate } from '../app/format.ts';
import { messageOf } from '../ui/form-errors.ts';
import { roleLabel } from './role-options.ts';
import { type Invitation, invitationsQueryKey, usePendingInvitations } from './settings-api.ts';

export function InvitationsTable() {
  const { t } = useTranslation('settings');
  const queryClient = useQueryClient();
  const invitations = usePendingInvitations();
  const revoke = useMutation({
    mutationFn: (id: string) => del(`/invitations/${id}`),
    onSuccess: () => notifications.show({ color: 'teal', message: t('invitations.revoked') }),
    onError: (error) => notifications.show({ color: 'red', message: messageOf(error, t('users.failed')) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
  const confirmRevoke = (invitation: Invitation) =>
    modals.openConfirmModal({
      title: t('invitations.revokeTitle'),
      children: <Text size="sm">{t('invitations.revokeConfirm', { email: invitation.email })}</Text>,
      labels: { confirm: t('invitations.revoke'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => revoke.mutate(invitation.id),
    });
  if (!invitations.data?.length)
    return (
      <Text size="sm" c="dimmed">
        {invitations.isPending ? t('common.loading') : t('invitations.none')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing="xs" data-testid="invitations-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.email')}</Table.Th>
            <Table.Th>{t('users.role')}</Table.Th>
            <Table.Th>{t('invitations.expires')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.data.map((invitation) => (
            <Table.Tr key={invitation.id}>
              <Table.Td>{invitation.email}</Table.Td>
              <Table.Td>{roleLabel(invitation.role, t)}</Table.Td>
              <Table.Td>{formatDate(invitation.expiresAt)}</Table.Td>
              <Table.Td ta="right">
                <Button size="xs" variant="subtle" color="red" onClick={() => confirmRevoke(invitation)}>
                  {t('invitations.revoke')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
