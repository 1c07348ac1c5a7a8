import type { Role } from '@baken/core/platform/roles';
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../app/api.ts';
import type { Me } from '../app/session.ts';
import { messageOf } from '../ui/form-errors.ts';
import { CopyOnce } from './copy-once.tsx';
import { roleOptions } from './role-options.ts';
import { type CreatedInvitation, type InvitationInput, invitationsQueryKey } from './settings-api.ts';

/** Invites by link: the server keeps only a hash of the token, so the link is shown here once. */
export function InviteForm({ me }: { me: Me }) {
  const { t } = useTranslation('settings');
  const queryClient = useQueryClient();
  const form = useForm<{ email: string; role: Role }>({ initialValues: { email: '', role: 'sales' } });
  const invite = useMutation({
    mutationFn: (input: InvitationInput) => post<CreatedInvitation>('/invitations', input),
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: invitationsQueryKey });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fieldMessage('email'))
        form.setFieldError('email', t('invite.badEmail'));
      else notifications.show({ color: 'red', message: messageOf(error, t('users.failed')) });
    },
  });
  return (
    <Stack>
      <form onSubmit={form.onSubmit((values) => invite.mutate(values))}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('invite.email')}
            type="email"
            required
            style={{ flex: 1, minWidth: 220 }}
            {...form.getInputProps('email')}
          />
          <Select
            label={t('invite.role')}
            data={roleOptions(me.role, t)}
            allowDeselect={false}
            w={180}
            {...form.getInputProps('role')}
          />
          <Button type="submit" loading={invite.isPending}>
            {t('invite.submit')}
          </Button>
        </Group>
      </form>
      {invite.data && (
        <CopyOnce
          label={t('invite.linkFor', { email: invite.data.email })}
          value={invite.data.url}
          warning={t('invite.linkOnce')}
        />
      )}
    </Stack>
  );
}
