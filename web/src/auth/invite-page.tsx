import { Alert, Button, Loader, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { get, post } from '../app/api.ts';
import { currentLanguage } from '../app/i18n.ts';
import { refreshSession } from '../app/session.ts';
import { fieldErrorsOf, messageOf } from '../ui/form-errors.ts';
import { AuthCard } from './auth-card.tsx';

interface Preview {
  workspaceName: string;
  email: string;
  role: string;
  hasAccount: boolean;
}

export function InvitePage({ token }: { token: string }) {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => get<Preview>('/invitations/preview', { token }),
    retry: false,
  });
  const form = useForm({ initialValues: { name: '', password: '' } });
  const accept = useMutation({
    mutationFn: (values: typeof form.values) =>
      post('/invitations/accept', {
        token,
        password: values.password,
        locale: currentLanguage(),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        ...(values.name ? { name: values.name } : {}),
      }),
    onSuccess: async () => {
      await refreshSession(queryClient);
      await navigate({ to: '/' });
    },
    onError: (error) => form.setErrors(fieldErrorsOf(error)),
  });
  if (preview.isPending)
    return (
      <AuthCard title="…">
        <Loader />
      </AuthCard>
    );
  if (preview.isError) {
    return (
      <AuthCard title={t('invite.invalid')}>
        <Alert color="red">{t('invite.invalid')}</Alert>
      </AuthCard>
    );
  }
  const { workspaceName, email, role, hasAccount } = preview.data;
  return (
    <AuthCard
      title={t('invite.title', { workspace: workspaceName })}
      intro={t('invite.intro', { role: t(`roles.${role}`), email })}
    >
      <form onSubmit={form.onSubmit((values) => accept.mutate(values))}>
        <Stack>
          {!hasAccount && (
            <TextInput
              label={t('invite.name')}
              required
              autoComplete="name"
              {...form.getInputProps('name')}
            />
          )}
          <PasswordInput
            label={hasAccount ? t('invite.existingPassword') : t('invite.password')}
            required
            autoComplete={hasAccount ? 'current-password' : 'new-password'}
            {...form.getInputProps('password')}
          />
          {accept.isError && Object.keys(fieldErrorsOf(accept.error)).length === 0 && (
            <Alert color="red">{messageOf(accept.error, '')}</Alert>
          )}
          <Button type="submit" loading={accept.isPending}>
            {t('invite.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
