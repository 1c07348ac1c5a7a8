import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { post } from '../app/api.ts';
import { currentLanguage } from '../app/i18n.ts';
import { refreshSession } from '../app/session.ts';
import { fieldErrorsOf, messageOf } from '../ui/form-errors.ts';
import { AuthCard } from './auth-card.tsx';

export function SetupPage() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { workspaceName: '', name: '', email: '', password: '' } });
  const setup = useMutation({
    mutationFn: (values: typeof form.values) =>
      post('/setup', {
        ...values,
        locale: currentLanguage(),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      }),
    onSuccess: async () => {
      await refreshSession(queryClient);
      await navigate({ to: '/' });
    },
    onError: (error) => form.setErrors(fieldErrorsOf(error)),
  });
  return (
    <AuthCard title={t('setup.title')} intro={t('setup.intro')}>
      <form onSubmit={form.onSubmit((values) => setup.mutate(values))}>
        <Stack>
          <TextInput
            label={t('setup.workspaceName')}
            required
            autoFocus
            {...form.getInputProps('workspaceName')}
          />
          <TextInput label={t('setup.name')} required autoComplete="name" {...form.getInputProps('name')} />
          <TextInput
            label={t('setup.email')}
            type="email"
            required
            autoComplete="email"
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('setup.password')}
            description={t('setup.passwordHint')}
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          {setup.isError && Object.keys(fieldErrorsOf(setup.error)).length === 0 && (
            <Alert color="red">{messageOf(setup.error, '')}</Alert>
          )}
          <Button type="submit" loading={setup.isPending}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
