import { type Deal, dealFieldSpecs, forecastCategories } from '@baken/core/deals/deal.schema';
import { Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { accountColumn } from '../accounts/account-name.tsx';
import { AccountPicker } from '../accounts/account-picker.tsx';
import { post } from '../app/api.ts';
import { formatDate, formatMoney } from '../app/format.ts';
import { currentLanguage } from '../app/i18n.ts';
import { memberOptions, type Pipeline, useMembers, usePipelines } from '../app/workspace-data.ts';
import type { FieldChoice, FilterFields } from '../ui/filter-builder.tsx';
import { fieldErrorsOf } from '../ui/form-errors.ts';
import { FormActions, OwnerSelect } from '../ui/form-parts.tsx';
import { memberNamer, RecordLink } from '../ui/record-cells.tsx';
import type { RecordColumn } from '../ui/record-columns.ts';
import { ownerColumn } from '../ui/record-columns.ts';
import { RecordList } from '../ui/record-list.tsx';
import { tagsColumn } from '../ui/tags-column.tsx';
import { listQueryKey } from '../ui/use-record-pages.ts';
import { dealsList } from './deals-list.ts';

/** Stages as "Pipeline · Stage" when there are several pipelines, so equal stage names differ. */
export function stageChoices(pipelines: Pipeline[] | undefined): FieldChoice[] {
  const many = (pipelines?.length ?? 0) > 1;
  return (pipelines ?? []).flatMap((pipeline) =>
    pipeline.stages.map((stage) => ({
      value: stage.id,
      label: many ? `${pipeline.name} · ${stage.name}` : stage.name,
    })),
  );
}

export function DealsPage() {
  const { t } = useTranslation('deals');
  const members = useMembers().data;
  const pipelines = usePipelines().data;
  const [creating, { open, close }] = useDisclosure();
  const stages = stageChoices(pipelines);
  const filterFields: FilterFields = {
    specs: dealFieldSpecs,
    label: (field) => t(`fields.${field}`),
    choices: (field) => {
      if (field === 'ownerId') return memberOptions(members);
      if (field === 'stageId') return stages;
      if (field === 'pipelineId') return (pipelines ?? []).map((p) => ({ value: p.id, label: p.name }));
      if (field === 'forecastCategory')
        return forecastCategories.map((value) => ({ value, label: t(`values.forecastCategory.${value}`) }));
      return undefined;
    },
  };
  const stageName = (id: string) => stages.find((stage) => stage.value === id)?.label ?? '';
  return (
    <>
      <RecordList<Deal>
        list="deals"
        title={t('title')}
        source={dealsList.source}
        columns={dealColumns(t, memberNamer(members), stageName)}
        defaultView={dealsList.defaultView}
        filterFields={filterFields}
        rowLabel={(row) => row.name}
        searchLabel={t('search')}
        create={{ label: t('create.title'), open }}
        empty={{ title: t('empty.title'), body: t('empty.body') }}
        stages={stages}
        tagsOf={(row) => row.tags}
      />
      <DealCreateModal opened={creating} onClose={close} stages={stages} />
    </>
  );
}

function dealColumns(
  t: TFunction,
  ownerName: (id: string | null) => string,
  stageName: (id: string) => string,
): RecordColumn<Deal>[] {
  const date = (field: 'expectedCloseDate' | 'actualCloseDate' | 'createdAt'): RecordColumn<Deal> => ({
    id: field,
    label: t(`fields.${field}`),
    sortField: field,
    width: 140,
    cell: (r) => formatDate(r[field]),
  });
  return [
    {
      id: 'name',
      label: t('fields.name'),
      sortField: 'name',
      width: 230,
      cell: (r) => <RecordLink to="/deals/$id" id={r.id} label={r.name} />,
    },
    accountColumn(t),
    {
      id: 'stageId',
      label: t('fields.stageId'),
      width: 150,
      cell: (r) => stageName(r.stageId),
    },
    {
      id: 'amount',
      label: t('fields.amount'),
      sortField: 'amount',
      width: 130,
      cell: (r) => formatMoney(r.amount, r.currency),
      // Plain units with a dot, so a spreadsheet reads a number whatever its language.
    },
    {
      id: 'probability',
      label: t('fields.probability'),
      sortField: 'probability',
      width: 110,
      cell: (r) => `${r.probability}%`,
    },
    date('expectedCloseDate'),
    date('actualCloseDate'),
    ownerColumn(t, ownerName),
    tagsColumn(t),
    date('createdAt'),
  ];
}

const blank = {
  name: '',
  accountId: null as string | null,
  stageId: null as string | null,
  euros: '' as string | number,
  expectedCloseDate: '',
  ownerId: null as string | null,
};

/** The API wants whole cents and leaves out what is not given (default stage, no date). */
function dealBody({ euros, stageId, expectedCloseDate, ...rest }: typeof blank) {
  return {
    ...rest,
    ...(stageId ? { stageId } : {}),
    ...(expectedCloseDate ? { expectedCloseDate } : {}),
    amount: Math.round(Number(euros || 0) * 100),
  };
}

/** "New deal": name, company, stage, amount in euros and when it should close. */
function DealCreateModal(props: { opened: boolean; onClose: () => void; stages: FieldChoice[] }) {
  const { t } = useTranslation('deals');
  const queryClient = useQueryClient();
  const _members = useMembers().data;
  const form = useForm({ initialValues: blank });
  const create = useMutation({
    mutationFn: (values: typeof blank) => post<Deal>('/deals', dealBody(values)),
    onSuccess: async (deal) => {
      notifications.show({ color: 'green', message: t('ui:form.created', { name: deal.name }) });
      await queryClient.invalidateQueries({ queryKey: listQueryKey('/deals') });
      form.reset();
      props.onClose();
    },
    onError: (error) => form.setErrors(fieldErrorsOf(error)),
  });
  const fieldErrors = Object.keys(fieldErrorsOf(create.error)).length > 0;
  const nl = currentLanguage() === 'nl';
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('create.title')}>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
        <Stack>
          <TextInput label={t('fields.name')} required data-autofocus {...form.getInputProps('name')} />
          <AccountPicker
            value={form.values.accountId}
            onChange={(id) => form.setFieldValue('accountId', id)}
            error={form.errors.accountId as string | undefined}
          />
          <Select label={t('fields.stageId')} data={props.stages} {...form.getInputProps('stageId')} />
          <NumberInput
            label={t('fields.amount')}
            prefix="€ "
            min={0}
            decimalScale={2}
            decimalSeparator={nl ? ',' : '.'}
            thousandSeparator={nl ? '.' : ','}
            {...form.getInputProps('euros')}
            error={form.errors.amount ?? form.errors.euros}
          />
          <TextInput
            label={t('fields.expectedCloseDate')}
            type="date"
            {...form.getInputProps('expectedCloseDate')}
          />
          <OwnerSelect label={t('fields.ownerId')} {...form.getInputProps('ownerId')} />
          <FormActions
            submitLabel={t('create.submit')}
            pending={create.isPending}
            onCancel={props.onClose}
            error={create.isError && !fieldErrors ? create.error : undefined}
          />
        </Stack>
      </form>
    </Modal>
  );
}
