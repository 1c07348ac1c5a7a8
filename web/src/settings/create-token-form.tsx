import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { post } from '../app/api.ts';
import { messageOf } from '../ui/form-errors.ts';
import { CopyOnce } from './copy-once.tsx';
import { type ApiToken, type ApiTokenInput, apiTokensQueryKey, type TokenScope } from './settings-api.ts';

const scopes: TokenScope[] = ['read', 'read_write'];

/** Creates a token; the server stores only a hash, so its secret is shown here this one time. */
export function CreateTokenForm() {
  const { t } = useTranslation('settings');
  const queryClient = useQueryClient();
  const form = useForm<ApiTokenInput>({
    initialValues: { name: '', scope: 'read' },
    validate: { name: (value) => (value.trim() ? null : t('tokens.nameRequired')) },
  });
  const create = useMutation({
    mutationFn: (input: ApiTokenInput) => post<ApiToken & { token: string }>('/api-tokens', input),
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: apiTokensQueryKey });
    },
    onError: (error) => notifications.show({ color: 'red', message: messageOf(error, t('tokens.failed')) }),
  });
  return (
    <Stack>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('tokens.name')}
            placeholder={t('tokens.namePlaceholder')}
            required
            style={{ flex: 1, minWidth: 220 }}
            {...form.getInputProps('name')}
          />
          <Select
            label={t('tokens.scope')}
            data={scopes.map((scope) => ({ value: scope, label: t(`tokens.scopes.${scope}`) }))}
            allowDeselect={false}
            w={220}
            {...form.getInputProps('scope')}
          />
          <Button type="submit" loading={create.isPending}>
            {t('tokens.create')}
          </Button>
        </Group>
      </form>
      {create.data && (
        <CopyOnce
          label={t('tokens.secretFor', { name: create.data.name })}
          value={create.data.token}
          warning={t('tokens.secretOnce')}
        />
      )}
    </Stack>
  );
}
