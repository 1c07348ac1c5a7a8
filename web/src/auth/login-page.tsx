import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../app/api.ts';
import { refreshSession } from '../app/session.ts';
import { messageOf } from '../ui/form-errors.ts';
import { AuthCard } from './auth-card.tsx';

export function LoginPage() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { email: '', password: '' } });
  const login = useMutation({
    mutationFn: (values: typeof form.values) => post('/auth/login', values),
    onSuccess: async () => {
      await refreshSession(queryClient);
      await navigate({ to: '/' });
    },
  });
  const failure =
    login.error instanceof ApiError && login.error.status === 401
      ? t('login.failed')
      : messageOf(login.error, '');
  return (
    <AuthCard title={t('login.title')}>
      <form onSubmit={form.onSubmit((values) => login.mutate(values))}>
        <Stack>
          <TextInput
            label={t('login.email')}
            type="email"
            required
            autoFocus
            autoComplete="email"
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('login.password')}
            required
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          {login.isError && <Alert color="red">{failure}</Alert>}
          <Button type="submit" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
