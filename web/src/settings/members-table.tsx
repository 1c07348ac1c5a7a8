import type { Role } from '@baken/core/platform/roles';
import { ActionIcon, Badge, Group, Select, Table, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconUserMinus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { del, patch } from '../app/api.ts';
import type { Me } from '../app/session.ts';
import { type Member, membersQueryKey } from '../app/workspace-data.ts';
import { membershipError, roleLabel, roleOptions } from './role-options.ts';

function useMemberMutations() {
  const { t } = useTranslation('settings');
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: membersQueryKey });
  const onError = (error: unknown) =>
    notifications.show({ color: 'red', message: membershipError(error, t) });
  const changeRole = useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) => patch<Member>(`/users/${id}`, { role }),
    onSuccess: () => notifications.show({ color: 'teal', message: t('users.roleChanged') }),
    onError,
    onSettled,
  });
  const remove = useMutation({
    mutationFn: (id: string) => del(`/users/${id}`),
    onSuccess: () => notifications.show({ color: 'teal', message: t('users.removed') }),
    onError,
    onSettled,
  });
  return { changeRole, remove };
}

export function MembersTable({ me, members }: { me: Me; members: Member[] }) {
  const { t } = useTranslation('settings');
  const { changeRole, remove } = useMemberMutations();
  const options = roleOptions(me.role, t);
  const confirmRemove = (member: Member) =>
    modals.openConfirmModal({
      title: t('users.removeTitle'),
      children: <Text size="sm">{t('users.removeConfirm', { name: member.name, email: member.email })}</Text>,
      labels: { confirm: t('users.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(member.id),
    });
  // An admin cannot touch an owner (the API refuses); say so by not offering the controls.
  const locked = (member: Member) => member.role === 'owner' && me.role !== 'owner';
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" data-testid="members-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.name')}</Table.Th>
            <Table.Th>{t('users.email')}</Table.Th>
            <Table.Th w={200}>{t('users.role')}</Table.Th>
            <Table.Th w={60} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.id} data-testid={`member-${member.email}`}>
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm" fw={500}>
                    {member.name}
                  </Text>
                  {member.id === me.user.id && <Badge variant="light">{t('users.you')}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{member.email}</Text>
              </Table.Td>
              <Table.Td>
                {locked(member) ? (
                  <Text size="sm">{roleLabel(member.role, t)}</Text>
                ) : (
                  <Select
                    aria-label={t('users.roleOf', { name: member.name })}
                    data={options}
                    value={member.role}
                    allowDeselect={false}
                    onChange={(role) => role && changeRole.mutate({ id: member.id, role: role as Role })}
                  />
                )}
              </Table.Td>
              <Table.Td>
                {!locked(member) && member.id !== me.user.id && (
                  <Tooltip label={t('users.remove')}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('users.removeOf', { name: member.name })}
                      onClick={() => confirmRemove(member)}
                    >
                      <IconUserMinus size={18} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
