import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import {
  IconArrowRight,
  IconChecklist,
  IconEdit,
  IconFileImport,
  IconMail,
  IconMapPin,
  IconNote,
  IconPhone,
  IconPlus,
  IconStairsUp,
  IconUsers,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format.ts';
import { type ChangeContext, changeValue, fieldLabel, hiddenChangeFields } from './change-values.ts';

export interface TimelineItem {
  kind: 'activity' | 'change' | 'stage_change' | 'import' | 'lifecycle';
  id: string;
  at: string;
  data: Record<string, unknown>;
}

const typeIcons: Record<string, ReactNode> = {
  call: <IconPhone size={16} />,
  email: <IconMail size={16} />,
  meeting: <IconUsers size={16} />,
  visit: <IconMapPin size={16} />,
  task: <IconChecklist size={16} />,
  note: <IconNote size={16} />,
};

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** The icon in front of an entry: the activity type, a pencil for edits, an arrow for stage moves. */
export function entryIcon(item: TimelineItem): ReactNode {
  if (item.kind === 'activity') return typeIcons[String(item.data.type)] ?? <IconNote size={16} />;
  if (item.kind === 'stage_change') return <IconArrowRight size={16} />;
  if (item.kind === 'import') return <IconFileImport size={16} />;
  if (item.kind === 'lifecycle') return <IconStairsUp size={16} />;
  return item.data.action === 'create' ? <IconPlus size={16} /> : <IconEdit size={16} />;
}

function ActivityEntry({ item, ctx }: { item: TimelineItem; ctx: ChangeContext }) {
  const { t } = ctx;
  const { type, subject, body, outcome, dueAt, doneAt } = item.data;
  const planned = (type === 'task' || type === 'meeting') && text(dueAt);
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {t(`activityTypes.${String(type)}`)}
          {text(subject) ? `: ${text(subject)}` : ''}
        </Text>
        {text(outcome) && (
          <Badge size="sm" variant="light">
            {t(`outcomes.${String(outcome)}`)}
          </Badge>
        )}
        {planned && (
          <Badge size="sm" variant="outline" color={text(doneAt) ? 'green' : 'gray'}>
            {text(doneAt)
              ? t('timeline.done')
              : t('timeline.due', { at: formatDateTime(planned, ctx.timeZone) })}
          </Badge>
        )}
      </Group>
      {text(body) && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
          {text(body)}
        </Text>
      )}
    </Stack>
  );
}

/** A merge of a duplicate into this record, or its undo (the field changes are listed next to it). */
function MergeLine({ undone }: { undone: boolean }) {
  const { t } = useTranslation('duplicates');
  return <Text size="sm">{undone ? t('timeline.mergeUndone') : t('timeline.merged')}</Text>;
}

function ChangeEntry({ item, ctx }: { item: TimelineItem; ctx: ChangeContext }) {
  const { t } = ctx;
  if (item.data.action !== 'update')
    return <Text size="sm">{t(`timeline.${String(item.data.action)}`)}</Text>;
  const changes = Object.entries((item.data.changes ?? {}) as Record<string, { from: unknown; to: unknown }>);
  return (
    <Stack gap={2}>
      {changes
        .filter(([field]) => !hiddenChangeFields.has(field))
        .map(([field, change]) =>
          field === 'merge' || field === 'mergeUndone' ? (
            <MergeLine key={field} undone={field === 'mergeUndone'} />
          ) : (
            <Text size="sm" key={field}>
              <Text span fw={600}>
                {fieldLabel(field, t)}:
              </Text>{' '}
              {changeValue(field, change.from, ctx)} → {changeValue(field, change.to, ctx)}
            </Text>
          ),
        )}
    </Stack>
  );
}

function StageEntry({ item }: { item: TimelineItem }) {
  const { t } = useTranslation('records');
  const from = text(item.data.fromStage);
  const to = text(item.data.toStage) ?? '—';
  return (
    <Text size="sm">
      <Text span fw={600}>
        {t('fields.stageId')}:
      </Text>{' '}
      {from ? `${from} → ${to}` : to}
    </Text>
  );
}

/** The import that created or updated the record, linked to the import's page (its undo lives there). */
function ImportEntry({ item }: { item: TimelineItem }) {
  const { t } = useTranslation('records');
  const { action, importId, fileName, rowNumber, undone } = item.data;
  return (
    <Group gap="xs" wrap="wrap">
      <Anchor component={Link} to={`/imports/${String(importId)}`} size="sm">
        {t(`timeline.import.${action === 'created' ? 'created' : 'updated'}`, {
          file: String(fileName),
          row: Number(rowNumber),
        })}
      </Anchor>
      {undone === true && (
        <Badge size="sm" variant="light" color="gray">
          {t('timeline.import.undone')}
        </Badge>
      )}
    </Group>
  );
}

/** A lifecycle stage a rule or workflow moved the contact to, and why. */
function LifecycleEntry({ item }: { item: TimelineItem }) {
  const { t } = useTranslation('records');
  const { fromStage, toStage, cause, rule } = item.data;
  const stage = (value: unknown) => t(`enums.lifecycleStage.${String(value)}`);
  return (
    <Stack gap={0}>
      <Text size="sm">
        <Text span fw={600}>
          {t('fields.lifecycleStage')}:
        </Text>{' '}
        {fromStage ? `${stage(fromStage)} → ${stage(toStage)}` : stage(toStage)}
      </Text>
      <Text size="xs" c="dimmed">
        {cause === 'rule' ? t(`timeline.lifecycleRule.${String(rule)}`) : t('timeline.lifecycleWorkflow')}
      </Text>
    </Stack>
  );
}

/** Whether an entry says anything once bookkeeping fields are left out. */
export function isShown(item: TimelineItem): boolean {
  if (item.kind !== 'change' || item.data.action !== 'update') return true;
  return Object.keys((item.data.changes ?? {}) as object).some((field) => !hiddenChangeFields.has(field));
}

export function TimelineEntry({ item, ctx }: { item: TimelineItem; ctx: ChangeContext }) {
  return (
    <Stack gap={2} data-testid={`timeline-${item.kind}`}>
      {item.kind === 'activity' && <ActivityEntry item={item} ctx={ctx} />}
      {item.kind === 'change' && <ChangeEntry item={item} ctx={ctx} />}
      {item.kind === 'stage_change' && <StageEntry item={item} />}
      {item.kind === 'import' && <ImportEntry item={item} />}
      {item.kind === 'lifecycle' && <LifecycleEntry item={item} />}
      <Text size="xs" c="dimmed">
        {formatDateTime(item.at, ctx.timeZone)}
      </Text>
    </Stack>
  );
}
