import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../app/api.ts';
import type { Pipeline } from '../app/workspace-data.ts';
import { fieldErrorsOf, messageOf } from '../ui/form-errors.ts';
import { AccountSelect } from './account-select.tsx';
import { placeOnBoards, resyncBoards } from './board-cache.ts';
import type { Deal } from './board-deals.ts';

interface Props {
  pipeline: Pipeline;
  currency: string;
  /** The stage to start in; undefined while the modal is closed. */
  stageId: string | undefined;
  onClose: () => void;
}

interface Values {
  name: string;
  accountId: string | null;
  amount: number | string;
  expectedCloseDate: string | null;
  stageId: string | null;
}

const empty = (stageId: string | null): Values => ({
  name: '',
  accountId: null,
  amount: '',
  expectedCloseDate: null,
  stageId,
});

/** The quick way to put a deal on the board: the few fields a salesperson knows right away. */
export function NewDealModal({ pipeline, currency, stageId, onClose }: Props) {
  const { t } = useTranslation('board');
  const queryClient = useQueryClient();
  const form = useForm<Values>({ initialValues: empty(stageId ?? null) });
  const { setValues } = form;
  // Each opening starts from a clean form in the stage it was opened from.
  useEffect(() => {
    if (stageId) setValues(empty(stageId));
  }, [stageId, setValues]);
  const create = useMutation({
    mutationFn: (values: Values) => post<Deal>('/deals', toBody(pipeline.id, values)),
    onSuccess: (deal) => {
      placeOnBoards(queryClient, null, deal);
      void resyncBoards(queryClient, deal.pipelineId);
      void queryClient.invalidateQueries({ queryKey: ['deals'] });
      notifications.show({ color: 'green', message: t('form.created', { name: deal.name }) });
      onClose();
    },
    onError: (error) => {
      const fields = fieldErrorsOf(error);
      if (Object.keys(fields).length) form.setErrors(fields);
      else notifications.show({ color: 'red', message: messageOf(error, t('form.failed')) });
    },
  });
  const stages = pipeline.stages.map((stage) => ({ value: stage.id, label: stage.name }));
  return (
    <Modal opened={stageId !== undefined} onClose={onClose} title={t('form.title')}>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
        <Stack>
          <TextInput label={t('form.name')} required data-autofocus {...form.getInputProps('name')} />
          <AccountSelect
            value={form.values.accountId}
            onChange={(value) => form.setFieldValue('accountId', value)}
            error={form.errors.accountId}
          />
          <NumberInput
            label={t('form.amount', { currency })}
            min={0}
            decimalScale={2}
            thousandSeparator=" "
            {...form.getInputProps('amount')}
          />
          <DateInput label={t('form.closeDate')} clearable {...form.getInputProps('expectedCloseDate')} />
          <Select
            label={t('form.stage')}
            data={stages}
            required
            allowDeselect={false}
            {...form.getInputProps('stageId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The form's amount is in whole currency units; the API counts cents. */
function toBody(pipelineId: string, values: Values) {
  const amount = typeof values.amount === 'number' ? Math.round(values.amount * 100) : undefined;
  return {
    name: values.name,
    pipelineId,
    stageId: values.stageId ?? undefined,
    accountId: values.accountId,
    amount,
    expectedCloseDate: values.expectedCloseDate,
  };
}
