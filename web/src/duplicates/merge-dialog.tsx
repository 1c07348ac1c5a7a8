import type { Account } from '@baken/core/accounts/account.schema';
import type { Contact } from '@baken/core/contacts/contact.schema';
import {
  defaultChoices,
  type FieldGroup,
  filledCount,
  groupDiffers,
  type MergeSide,
  mergeGroups,
} from '@baken/core/duplicates/merge-fields';
import { Alert, Button, Group, Modal, Radio, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ReactElement, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountName } from '../app/account-names.ts';
import { get } from '../app/api.ts';
import { formatDate } from '../app/format.ts';
import { useMembers } from '../app/workspace-data.ts';
import { messageOf } from '../ui/form-errors.ts';
import { type MergeRequest, mergeRecords, type Pair, type PairKind, recordTypeOf } from './duplicates-api.ts';
import { refreshAfterMerge, showMergedNotice } from './merge-notice.tsx';
import { RecordSummary, recordTitle } from './record-summary.tsx';

type AnyRecord = Contact | Account;
type Values = Record<string, unknown>;

const enums = new Set(['lifecycleStage', 'persona', 'marketingConsent', 'customerStatus']);

/** One field's value as a person reads it: names for people and companies, dates, enum labels. */
function FieldValue({ field, value }: { field: string; value: unknown }) {
  const { t } = useTranslation('records');
  const members = useMembers().data;
  const company = useAccountName(field === 'accountId' ? ((value as string | null) ?? null) : null);
  if (value === null || value === undefined || value === '')
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  if (field === 'ownerId') return <>{members?.find((member) => member.id === value)?.name ?? '…'}</>;
  if (field === 'accountId') return <>{company ?? '…'}</>;
  if (field === 'consentAt') return <>{formatDate(String(value))}</>;
  if (enums.has(field)) return <>{t(`enums.${field}.${String(value)}`, { defaultValue: String(value) })}</>;
  return <>{Array.isArray(value) ? value.join(', ') : String(value)}</>;
}

function GroupValue({ group, record }: { group: FieldGroup; record: Values }) {
  const filled = group.fields.filter((field) => record[field] !== null && record[field] !== '');
  if (filled.length === 0)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  return (
    <>
      {filled.map((field, index) => (
        <span key={field}>
          {index > 0 && ', '}
          <FieldValue field={field} value={record[field]} />
        </span>
      ))}
    </>
  );
}

const groupLabel = (group: FieldGroup, t: TFunction<'duplicates'>, tr: TFunction<'records'>) =>
  group.key === 'street' ? t('merge.address') : tr(`fields.${group.key}`, { defaultValue: group.key });

/** Custom field keys to the labels the workspace gave them. */
function useCustomFieldLabels(recordType: 'contact' | 'account', enabled: boolean) {
  return useQuery({
    queryKey: ['custom-fields', recordType],
    enabled,
    queryFn: () => get<{ data: { key: string; label: string }[] }>('/custom-fields', { recordType }),
    select: ({ data }) => new Map(data.map((field) => [field.key, field.label])),
  }).data;
}

interface MergeDialogProps<K extends PairKind> {
  kind: K;
  pair: Pair<AnyRecord>;
  onClose: () => void;
  /** After the merge was announced (with its undo) and the data refreshed. */
  onMerged: (result: { mergeId: string; survivor: AnyRecord }) => void;
}

/** Pick the record that stays and, per differing field, the value it keeps. */
export function MergeDialog<K extends PairKind>({ kind, pair, onClose, onMerged }: MergeDialogProps<K>) {
  const { t } = useTranslation('duplicates');
  const { t: tr } = useTranslation('records');
  const queryClient = useQueryClient();
  const recordType = recordTypeOf(kind);
  // The fuller record is preselected as the one that stays.
  const [keep, setKeep] = useState<'a' | 'b'>(() =>
    filledCount(recordType, pair.b as unknown as Values) >
    filledCount(recordType, pair.a as unknown as Values)
      ? 'b'
      : 'a',
  );
  const survivor = (keep === 'a' ? pair.a : pair.b) as unknown as Values;
  const merged = (keep === 'a' ? pair.b : pair.a) as unknown as Values;
  const defaults = useMemo(
    () => defaultChoices(recordType, survivor, merged),
    [recordType, survivor, merged],
  );
  const [picked, setPicked] = useState<Record<string, MergeSide>>({});
  const [pickedCustom, setPickedCustom] = useState<Record<string, MergeSide>>({});
  const groups = mergeGroups[recordType].filter((group) => groupDiffers(survivor, merged, group));
  const customKeys = Object.keys(defaults.custom ?? {});
  const customLabels = useCustomFieldLabels(recordType, customKeys.length > 0);
  const sideOf = (key: string) => picked[key] ?? defaults.fields?.[key] ?? 'survivor';
  const customSideOf = (key: string) => pickedCustom[key] ?? defaults.custom?.[key] ?? 'survivor';
  const swap = (side: 'a' | 'b') => {
    setKeep(side);
    setPicked({});
    setPickedCustom({});
  };
  const merge = useMutation({
    mutationFn: () => {
      const request: MergeRequest = {
        survivorId: String(survivor.id),
        mergedId: String(merged.id),
        fields: Object.fromEntries(groups.map((group) => [group.key, sideOf(group.key)])),
        custom: Object.fromEntries(customKeys.map((key) => [key, customSideOf(key)])),
      };
      return mergeRecords(kind, request);
    },
    onSuccess: (result) => {
      const survivor = result.survivor as AnyRecord;
      showMergedNotice(t, queryClient, t('merge.done', { name: recordTitle(kind, survivor) }), [
        result.merge.id,
      ]);
      void refreshAfterMerge(queryClient);
      onMerged({ mergeId: result.merge.id, survivor });
    },
  });
  const choice = (
    label: string,
    side: MergeSide,
    onChange: (side: MergeSide) => void,
    values: [ReactElement, ReactElement],
  ) => (
    <Table.Tr key={label}>
      <Table.Td fw={500}>{label}</Table.Td>
      <Table.Td colSpan={2}>
        <Radio.Group value={side} onChange={(value) => onChange(value as MergeSide)} aria-label={label}>
          <SimpleGrid cols={2}>
            <Radio value="survivor" label={values[0]} />
            <Radio value="merged" label={values[1]} />
          </SimpleGrid>
        </Radio.Group>
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Modal opened onClose={onClose} title={t('merge.title')} size="xl" data-testid="merge-dialog">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('merge.explain')}
        </Text>
        <Radio.Group value={keep} onChange={(value) => swap(value as 'a' | 'b')}>
          <SimpleGrid cols={2}>
            {(['a', 'b'] as const).map((side) => (
              <Stack key={side} gap="xs">
                <Radio value={side} label={keep === side ? t('merge.kept') : t('merge.keep')} />
                <RecordSummary kind={kind} record={pair[side]} />
                {keep !== side && (
                  <Text size="xs" c="dimmed">
                    {t('merge.removed')}
                  </Text>
                )}
              </Stack>
            ))}
          </SimpleGrid>
        </Radio.Group>
        <Text fw={600}>{t('merge.fields')}</Text>
        {groups.length === 0 && customKeys.length === 0 ? (
          <Text size="sm">{t('merge.noDifferences')}</Text>
        ) : (
          <Table>
            <Table.Tbody>
              {groups.map((group) =>
                choice(
                  groupLabel(group, t, tr),
                  sideOf(group.key),
                  (side) => setPicked({ ...picked, [group.key]: side }),
                  [
                    <GroupValue key="s" group={group} record={survivor} />,
                    <GroupValue key="m" group={group} record={merged} />,
                  ],
                ),
              )}
              {customKeys.map((key) =>
                choice(
                  t('merge.custom', { key: customLabels?.get(key) ?? key }),
                  customSideOf(key),
                  (side) => setPickedCustom({ ...pickedCustom, [key]: side }),
                  [
                    <FieldValue key="s" field={key} value={(survivor.custom as Values)[key]} />,
                    <FieldValue key="m" field={key} value={(merged.custom as Values)[key]} />,
                  ],
                ),
              )}
            </Table.Tbody>
          </Table>
        )}
        {merge.isError && <Alert color="red">{messageOf(merge.error, t('merge.undoFailed'))}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tr('cancel')}
          </Button>
          <Button onClick={() => merge.mutate()} loading={merge.isPending} data-testid="merge-submit">
            {t('merge.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
