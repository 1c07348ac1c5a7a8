import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { patch } from '../app/api.ts';
import { meQueryKey } from '../app/session.ts';
import { messageOf } from '../ui/form-errors.ts';
import { countryOptions } from './countries.ts';
import { type WorkspaceSettings, type WorkspaceUpdate, workspaceQueryKey } from './settings-api.ts';
import { timeZoneOptions } from './time-zones.ts';

const zones = timeZoneOptions();
const currencies =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['EUR', 'USD', 'GBP'];

/** Name, time zone, currency and default country of the workspace (admins; the API checks again). */
export function WorkspaceForm({ workspace }: { workspace: WorkspaceSettings }) {
  const { t, i18n } = useTranslation('settings');
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      name: workspace.name,
      timeZone: workspace.timeZone,
      currency: workspace.currency,
      defaultCountry: workspace.defaultCountry,
    },
    validate: { name: (value) => (value.trim() ? null : t('workspace.nameRequired')) },
  });
  const save = useMutation({
    mutationFn: (input: WorkspaceUpdate) => patch<WorkspaceSettings>('/workspace', input),
    onSuccess: (saved) => {
      queryClient.setQueryData(workspaceQueryKey, saved);
      // The header shows the workspace name and money is formatted in its currency: both come from /me.
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
      form.resetDirty();
      notifications.show({ color: 'teal', message: t('workspace.saved') });
    },
    onError: (error) => notifications.show({ color: 'red', message: messageOf(error, t('users.failed')) }),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack maw={480}>
        <TextInput label={t('workspace.name')} required {...form.getInputProps('name')} />
        <Select
          label={t('workspace.timeZone')}
          description={t('workspace.timeZoneHint')}
          data={zones}
          searchable
          allowDeselect={false}
          limit={50}
          nothingFoundMessage={t('profile.noTimeZone')}
          {...form.getInputProps('timeZone')}
        />
        <Select
          label={t('workspace.currency')}
          description={t('workspace.currencyHint')}
          data={currencies}
          searchable
          allowDeselect={false}
          limit={50}
          {...form.getInputProps('currency')}
        />
        <Select
          label={t('workspace.defaultCountry')}
          description={t('workspace.defaultCountryHint')}
          data={countryOptions(i18n.language)}
          searchable
          allowDeselect={false}
          limit={50}
          {...form.getInputProps('defaultCountry')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            {t('workspace.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
