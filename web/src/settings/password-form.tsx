import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { messageOf } from '../ui/form-errors.ts';
import { useProfileUpdate } from './use-profile-update.ts';

const MIN_LENGTH = 10; // the server's password rule (core/src/platform/auth.schema.ts)

/** The server explains in English; the two failures a person can fix get a message in their language. */
function passwordErrors(error: unknown, t: (key: string) => string): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  if (error.fieldMessage('currentPassword')) errors.currentPassword = t('password.currentWrong');
  if (error.fieldMessage('newPassword')) errors.newPassword = t('password.tooShort');
  return errors;
}

export function PasswordForm() {
  const { t } = useTranslation('settings');
  const update = useProfileUpdate();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('password.currentRequired')),
      newPassword: (value) => (value.length >= MIN_LENGTH ? null : t('password.tooShort')),
    },
  });
  const save = (values: typeof form.values) =>
    update.mutate(values, {
      onSuccess: () => {
        form.reset();
        notifications.show({ color: 'teal', message: t('password.changed') });
      },
      onError: (error) => {
        const errors = passwordErrors(error, t);
        form.setErrors(errors);
        if (Object.keys(errors).length === 0)
          notifications.show({ color: 'red', message: messageOf(error, t('profile.saveFailed')) });
      },
    });
  return (
    <form onSubmit={form.onSubmit(save)}>
      <Stack>
        <PasswordInput
          label={t('password.current')}
          autoComplete="current-password"
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t('password.new')}
          description={t('password.hint')}
          autoComplete="new-password"
          {...form.getInputProps('newPassword')}
        />
        <Group justify="flex-end">
          <Button type="submit" variant="default" loading={update.isPending}>
            {t('password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
