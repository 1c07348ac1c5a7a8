import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Me } from '../app/session.ts';
import { fieldErrorsOf, messageOf } from '../ui/form-errors.ts';
import { timeZoneOptions } from './time-zones.ts';
import { useProfileUpdate } from './use-profile-update.ts';

const zones = timeZoneOptions();

/** Name and time zone; an empty time zone means "the workspace's". */
export function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation('settings');
  const update = useProfileUpdate();
  const form = useForm({
    initialValues: { name: me.user.name, timeZone: me.user.timeZone },
    validate: { name: (value) => (value.trim() ? null : t('profile.nameRequired')) },
  });
  const save = (values: typeof form.values) =>
    update.mutate(values, {
      onSuccess: () => {
        form.resetDirty();
        notifications.show({ color: 'teal', message: t('profile.saved') });
      },
      onError: (error) => {
        form.setErrors(fieldErrorsOf(error));
        notifications.show({ color: 'red', message: messageOf(error, t('profile.saveFailed')) });
      },
    });
  return (
    <form onSubmit={form.onSubmit(save)}>
      <Stack>
        <TextInput label={t('profile.name')} required autoComplete="name" {...form.getInputProps('name')} />
        <TextInput label={t('profile.email')} value={me.user.email} readOnly variant="filled" />
        <Select
          label={t('profile.timeZone')}
          description={t('profile.timeZoneHint', { zone: me.workspace.timeZone })}
          placeholder={me.workspace.timeZone}
          data={zones}
          searchable
          clearable
          limit={50}
          nothingFoundMessage={t('profile.noTimeZone')}
          {...form.getInputProps('timeZone')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            {t('profile.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
