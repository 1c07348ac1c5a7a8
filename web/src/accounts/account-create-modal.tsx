import { type Account, customerStatuses } from '@baken/core/accounts/account.schema';
import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { post } from '../app/api.ts';
import { useMembers } from '../app/workspace-data.ts';
import { DuplicateWarning, useDuplicateGate } from '../duplicates/duplicate-warning.tsx';
import { IndustryCodeSelect } from '../records/industry-code.tsx';
import { fieldErrorsOf } from '../ui/form-errors.ts';
import { FormActions, OwnerSelect } from '../ui/form-parts.tsx';
import { listQueryKey } from '../ui/use-record-pages.ts';

const blank = {
  name: '',
  domain: '',
  phone: '',
  city: '',
  industryCode: null as string | null,
  customerStatus: 'prospect',
  ownerId: null as string | null,
};

/** "New company": the few fields needed to start; the rest is filled in on the company page. */
export function AccountCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  const queryClient = useQueryClient();
  const _members = useMembers().data;
  const form = useForm({ initialValues: blank });
  const create = useMutation({
    mutationFn: (values: typeof blank) => post<Account>('/accounts', values),
    onSuccess: async (account) => {
      notifications.show({ color: 'green', message: t('ui:form.created', { name: account.name }) });
      await queryClient.invalidateQueries({ queryKey: listQueryKey('/accounts') });
      form.reset();
      onClose();
    },
    onError: (error) => form.setErrors(fieldErrorsOf(error)),
  });
  // Before saving, a look for companies that seem to be this one already.
  const gate = useDuplicateGate('accounts', (values: typeof blank) => create.mutate(values));
  const fieldErrors = Object.keys(fieldErrorsOf(create.error)).length > 0;
  const close = () => {
    gate.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('create.title')}>
      <form
        onSubmit={form.onSubmit((values) =>
          gate.submit(values, { name: values.name, domain: values.domain, city: values.city }),
        )}
      >
        <Stack>
          <TextInput label={t('fields.name')} required data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label={t('fields.domain')}
            placeholder="voorbeeld.nl"
            {...form.getInputProps('domain')}
          />
          <TextInput label={t('fields.phone')} type="tel" {...form.getInputProps('phone')} />
          <TextInput label={t('fields.city')} {...form.getInputProps('city')} />
          <IndustryCodeSelect
            label={t('fields.industryCode')}
            value={form.values.industryCode}
            onChange={(code) => form.setFieldValue('industryCode', code)}
            error={form.errors.industryCode}
          />
          <Select
            label={t('fields.customerStatus')}
            data={customerStatuses.map((value) => ({ value, label: t(`values.customerStatus.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('customerStatus')}
          />
          <OwnerSelect label={t('fields.ownerId')} {...form.getInputProps('ownerId')} />
          <DuplicateWarning kind="accounts" matches={gate.matches} onCreateAnyway={gate.createAnyway} />
          <FormActions
            submitLabel={t('create.submit')}
            pending={create.isPending || gate.checking}
            onCancel={close}
            error={create.isError && !fieldErrors ? create.error : undefined}
          />
        </Stack>
      </form>
    </Modal>
  );
}
