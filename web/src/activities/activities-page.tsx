import {
  activityFieldSpecs,
  type activityResponse,
  activityTypes,
} from '@baken/core/activities/activity.schema';
import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { AccountName } from '../accounts/account-name.tsx';
import { post } from '../app/api.ts';
import { formatDateTime } from '../app/format.ts';
import { memberOptions, useMembers } from '../app/workspace-data.ts';
import type { FilterFields } from '../ui/filter-builder.tsx';
import { fieldErrorsOf } from '../ui/form-errors.ts';
import { FormActions } from '../ui/form-parts.tsx';
import { memberNamer, RecordLink } from '../ui/record-cells.tsx';
import type { RecordColumn } from '../ui/record-columns.ts';
import { ownerColumn } from '../ui/record-columns.ts';
import { RecordList } from '../ui/record-list.tsx';
import { listQueryKey } from '../ui/use-record-pages.ts';
import { activitiesList } from './activities-list.ts';

type Activity = z.infer<typeof activityResponse>;

export function ActivitiesPage() {
  const { t } = useTranslation('activities');
  const members = useMembers().data;
  const [creating, { open, close }] = useDisclosure();
  const filterFields: FilterFields = {
    specs: activityFieldSpecs,
    label: (field) => t(`fields.${field}`),
    choices: (field) => {
      if (field === 'ownerId') return memberOptions(members);
      if (field === 'type')
        return activityTypes.map((value) => ({ value, label: t(`values.type.${value}`) }));
      return undefined;
    },
  };
  return (
    <>
      <RecordList<Activity>
        list="activities"
        title={t('title')}
        source={activitiesList.source}
        columns={activityColumns(t, memberNamer(members))}
        defaultView={activitiesList.defaultView}
        filterFields={filterFields}
        rowLabel={(row) => row.subject ?? t(`values.type.${row.type}`)}
        searchLabel={t('search')}
        create={{ label: t('create.title'), open }}
        empty={{ title: t('empty.title'), body: t('empty.body') }}
      />
      <ActivityCreateModal opened={creating} onClose={close} />
    </>
  );
}

/** Activities have no page of their own; the subject opens the contact or deal it belongs to. */
function SubjectLink({ row, label }: { row: Activity; label: string }) {
  if (row.contactId) return <RecordLink to="/contacts/$id" id={row.contactId} label={label} />;
  if (row.dealId) return <RecordLink to="/deals/$id" id={row.dealId} label={label} />;
  if (row.accountId) return <RecordLink to="/accounts/$id" id={row.accountId} label={label} />;
  return label;
}

function activityColumns(t: TFunction, ownerName: (id: string | null) => string): RecordColumn<Activity>[] {
  const type = (r: Activity) => t(`values.type.${r.type}`);
  const time = (field: 'occurredAt' | 'dueAt' | 'doneAt'): RecordColumn<Activity> => ({
    id: field,
    label: t(`fields.${field}`),
    sortField: field,
    width: 170,
    cell: (r) => formatDateTime(r[field]),
  });
  return [
    { id: 'type', label: t('fields.type'), width: 110, cell: type },
    {
      id: 'subject',
      label: t('fields.subject'),
      width: 280,
      cell: (r) => <SubjectLink row={r} label={r.subject ?? type(r)} />,
    },
    time('occurredAt'),
    time('dueAt'),
    time('doneAt'),
    {
      id: 'accountId',
      label: t('fields.accountId'),
      width: 190,
      cell: (r) => <AccountName id={r.accountId} />,
    },
    ownerColumn(t, ownerName),
  ];
}

const blank = { type: 'task' as string, subject: '', dueAt: '' };

/** "New activity": a task or a logged call, meeting or note; linking to records happens on their pages. */
function ActivityCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('activities');
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: blank });
  const create = useMutation({
    mutationFn: ({ dueAt, ...values }: typeof blank) =>
      // The date-time input gives local time without a zone; the API wants an instant.
      post<Activity>('/activities', {
        ...values,
        ...(dueAt ? { dueAt: new Date(dueAt).toISOString() } : {}),
      }),
    onSuccess: async (activity) => {
      notifications.show({ color: 'green', message: t('ui:form.created', { name: activity.subject ?? '' }) });
      await queryClient.invalidateQueries({ queryKey: listQueryKey('/activities') });
      form.reset();
      onClose();
    },
    onError: (error) => form.setErrors(fieldErrorsOf(error)),
  });
  const fieldErrors = Object.keys(fieldErrorsOf(create.error)).length > 0;
  return (
    <Modal opened={opened} onClose={onClose} title={t('create.title')}>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
        <Stack>
          <Select
            label={t('fields.type')}
            data={activityTypes.map((value) => ({ value, label: t(`values.type.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('type')}
          />
          <TextInput label={t('fields.subject')} required data-autofocus {...form.getInputProps('subject')} />
          <TextInput label={t('fields.dueAt')} type="datetime-local" {...form.getInputProps('dueAt')} />
          <FormActions
            submitLabel={t('create.submit')}
            pending={create.isPending}
            onCancel={onClose}
            error={create.isError && !fieldErrors ? create.error : undefined}
          />
        </Stack>
      </form>
    </Modal>
  );
}
