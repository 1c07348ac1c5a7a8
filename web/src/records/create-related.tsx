// Adding a contact or a deal from an account page: a short form, the account already filled in.
import { Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { post } from '../app/api.ts';
import { fieldErrorsOf, messageOf } from '../ui/form-errors.ts';
import { FormActions } from '../ui/form-parts.tsx';

export const accountContactsKey = (accountId: string) => ['account-contacts', accountId] as const;
export const accountDealsKey = (accountId: string) => ['account-deals', accountId] as const;

interface CreateProps {
  accountId: string;
  opened: boolean;
  onClose: () => void;
}

function useCreate(path: string, key: readonly unknown[], onDone: () => void) {
  const { t } = useTranslation('records');
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => post<{ id: string }>(path, body),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('create.saved') });
      onDone();
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

export function CreateContactModal({ accountId, opened, onClose }: CreateProps) {
  const { t } = useTranslation('records');
  const form = useForm({ initialValues: { firstName: '', lastName: '', email: '', jobTitle: '' } });
  const close = () => {
    form.reset();
    onClose();
  };
  const create = useCreate('/contacts', accountContactsKey(accountId), close);
  const submit = form.onSubmit((values) =>
    create.mutate(
      { ...values, accountId },
      {
        onError: (error) => {
          form.setErrors(fieldErrorsOf(error));
          notifications.show({ color: 'red', message: messageOf(error, t('error')) });
        },
      },
    ),
  );
  return (
    <Modal opened={opened} onClose={close} title={t('create.contact')}>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <TextInput label={t('fields.firstName')} data-autofocus {...form.getInputProps('firstName')} />
          <TextInput label={t('fields.lastName')} {...form.getInputProps('lastName')} />
          <TextInput label={t('fields.email')} type="email" {...form.getInputProps('email')} />
          <TextInput label={t('fields.jobTitle')} {...form.getInputProps('jobTitle')} />
          <FormActions submitLabel={t('create.submit')} pending={create.isPending} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}

export function CreateDealModal({ accountId, opened, onClose }: CreateProps) {
  const { t } = useTranslation('records');
  const form = useForm({ initialValues: { name: '', amount: 0 as number | string } });
  const close = () => {
    form.reset();
    onClose();
  };
  const create = useCreate('/deals', accountDealsKey(accountId), close);
  const submit = form.onSubmit((values) =>
    create.mutate(
      { name: values.name, amount: Math.round(Number(values.amount || 0) * 100), accountId },
      {
        onError: (error) => {
          form.setErrors(fieldErrorsOf(error));
          notifications.show({ color: 'red', message: messageOf(error, t('error')) });
        },
      },
    ),
  );
  return (
    <Modal opened={opened} onClose={close} title={t('create.deal')}>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <TextInput label={t('fields.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
          <NumberInput
            label={t('fields.amount')}
            min={0}
            decimalScale={2}
            {...form.getInputProps('amount')}
          />
          <FormActions submitLabel={t('create.submit')} pending={create.isPending} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
