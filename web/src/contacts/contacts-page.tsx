import {
  type Contact,
  consentStatuses,
  contactFieldSpecs,
  lifecycleStages,
  personas,
} from '@baken/core/contacts/contact.schema';
import { Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { accountColumn } from '../accounts/account-name.tsx';
import { AccountPicker } from '../accounts/account-picker.tsx';
import { post } from '../app/api.ts';
import { contactName, formatDate } from '../app/format.ts';
import { formatPhone } from '../app/phone-format.ts';
import { useMe } from '../app/session.ts';
import { memberOptions, useMembers } from '../app/workspace-data.ts';
import { DuplicateWarning, useDuplicateGate } from '../duplicates/duplicate-warning.tsx';
import type { FilterFields } from '../ui/filter-builder.tsx';
import { fieldErrorsOf } from '../ui/form-errors.ts';
import { FormActions, OwnerSelect } from '../ui/form-parts.tsx';
import { memberNamer, RecordLink } from '../ui/record-cells.tsx';
import type { RecordColumn } from '../ui/record-columns.ts';
import { ownerColumn } from '../ui/record-columns.ts';
import { RecordList } from '../ui/record-list.tsx';
import { tagsColumn } from '../ui/tags-column.tsx';
import { listQueryKey } from '../ui/use-record-pages.ts';
import { contactsList } from './contacts-list.ts';

const enumFields = { lifecycleStage: lifecycleStages, persona: personas, marketingConsent: consentStatuses };

export function ContactsPage() {
  const { t } = useTranslation('contacts');
  const members = useMembers().data;
  const homeCountry = useMe().data?.workspace.defaultCountry;
  const [creating, { open, close }] = useDisclosure();
  const filterFields: FilterFields = {
    specs: contactFieldSpecs,
    label: (field) => t(`fields.${field}`),
    choices: (field) => {
      if (field === 'ownerId') return memberOptions(members);
      const values = enumFields[field as keyof typeof enumFields];
      return values?.map((value) => ({ value, label: t(`values.${field}.${value}`) }));
    },
  };
  return (
    <>
      <RecordList<Contact>
        list="contacts"
        title={t('title')}
        source={contactsList.source}
        columns={contactColumns(t, memberNamer(members), homeCountry)}
        defaultView={contactsList.defaultView}
        filterFields={filterFields}
        rowLabel={contactName}
        searchLabel={t('search')}
        create={{ label: t('create.title'), open }}
        empty={{ title: t('empty.title'), body: t('empty.body') }}
        tagsOf={(row) => row.tags}
      />
      <ContactCreateModal opened={creating} onClose={close} />
    </>
  );
}

function contactColumns(
  t: TFunction,
  ownerName: (id: string | null) => string,
  homeCountry: string | undefined,
): RecordColumn<Contact>[] {
  const stage = (row: Contact) => t(`values.lifecycleStage.${row.lifecycleStage}`);
  return [
    {
      id: 'name',
      label: t('fields.name'),
      sortField: 'lastName',
      width: 220,
      cell: (row) => <RecordLink to="/contacts/$id" id={row.id} label={contactName(row)} />,
    },
    { id: 'email', label: t('fields.email'), width: 220, cell: (r) => r.email },
    {
      id: 'phone',
      label: t('fields.phone'),
      width: 140,
      cell: (r) => formatPhone(r.phone, homeCountry),
    },
    {
      id: 'jobTitle',
      label: t('fields.jobTitle'),
      width: 160,
      cell: (r) => r.jobTitle,
    },
    accountColumn(t),
    { id: 'lifecycleStage', label: t('fields.lifecycleStage'), width: 130, cell: stage },
    ownerColumn(t, ownerName),
    tagsColumn(t),
    {
      id: 'createdAt',
      label: t('fields.createdAt'),
      sortField: 'createdAt',
      width: 130,
      cell: (r) => formatDate(r.createdAt),
    },
  ];
}

const blank = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  jobTitle: '',
  accountId: null as string | null,
  ownerId: null as string | null,
};

/** "New contact": a name or email is enough; the account links the person to their company. */
function ContactCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('contacts');
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: blank });
  const create = useMutation({
    mutationFn: (values: typeof blank) => post<Contact>('/contacts', values),
    onSuccess: async (contact) => {
      notifications.show({ color: 'green', message: t('ui:form.created', { name: contactName(contact) }) });
      await queryClient.invalidateQueries({ queryKey: listQueryKey('/contacts') });
      form.reset();
      onClose();
    },
    onError: (error) => form.setErrors(fieldErrorsOf(error)),
  });
  // Before saving, a look for contacts that seem to be this person already.
  const gate = useDuplicateGate('contacts', (values: typeof blank) => create.mutate(values));
  const fieldErrors = Object.keys(fieldErrorsOf(create.error)).length > 0;
  const close = () => {
    gate.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('create.title')}>
      <form
        onSubmit={form.onSubmit((values) =>
          gate.submit(values, {
            firstName: values.firstName,
            lastName: values.lastName,
            email: values.email,
            phone: values.phone,
            accountId: values.accountId,
          }),
        )}
      >
        <Stack>
          <Group grow>
            <TextInput label={t('fields.firstName')} data-autofocus {...form.getInputProps('firstName')} />
            <TextInput label={t('fields.lastName')} {...form.getInputProps('lastName')} />
          </Group>
          <Group grow>
            <TextInput label={t('fields.email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={t('fields.phone')} type="tel" {...form.getInputProps('phone')} />
          </Group>
          <TextInput label={t('fields.jobTitle')} {...form.getInputProps('jobTitle')} />
          <AccountPicker
            value={form.values.accountId}
            onChange={(id) => form.setFieldValue('accountId', id)}
            error={form.errors.accountId as string | undefined}
          />
          <OwnerSelect label={t('fields.ownerId')} {...form.getInputProps('ownerId')} />
          <DuplicateWarning kind="contacts" matches={gate.matches} onCreateAnyway={gate.createAnyway} />
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
