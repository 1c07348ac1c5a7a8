import { Button, Group, SegmentedControl, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type Member, memberOptions, type Pipeline } from '../app/workspace-data.ts';
import type { BoardFilters } from './board-address.ts';

interface Props {
  pipelines: Pipeline[];
  pipelineId: string | undefined;
  onPipeline: (id: string) => void;
  members: Member[] | undefined;
  filters: BoardFilters;
  onFilters: (filters: BoardFilters) => void;
  onNew: (() => void) | undefined;
}

export function BoardToolbar({
  pipelines,
  pipelineId,
  onPipeline,
  members,
  filters,
  onFilters,
  onNew,
}: Props) {
  const { t } = useTranslation('board');
  return (
    <Group justify="space-between" align="flex-end" gap="sm">
      <Group align="flex-end" gap="sm">
        {pipelines.length > 1 && (
          <Select
            label={t('toolbar.pipeline')}
            data={pipelines.map((pipeline) => ({ value: pipeline.id, label: pipeline.name }))}
            value={pipelineId ?? null}
            onChange={(id) => id && onPipeline(id)}
            allowDeselect={false}
            w={200}
          />
        )}
        <Select
          label={t('toolbar.owner')}
          placeholder={t('toolbar.everyone')}
          data={memberOptions(members)}
          value={filters.ownerId}
          onChange={(ownerId) => onFilters({ ...filters, ownerId })}
          clearable
          searchable
          w={200}
        />
        <DatePickerInput
          type="range"
          label={t('toolbar.closeDate')}
          placeholder={t('toolbar.anyDate')}
          value={[filters.closeFrom, filters.closeTo]}
          onChange={([closeFrom, closeTo]) => onFilters({ ...filters, closeFrom, closeTo })}
          clearable
          allowSingleDateInRange
          w={260}
        />
      </Group>
      <Group gap="sm">
        <ViewSwitch />
        {onNew && (
          <Button leftSection={<IconPlus size={16} />} onClick={onNew}>
            {t('toolbar.newDeal')}
          </Button>
        )}
      </Group>
    </Group>
  );
}

/** Board or list: the list view is its own page. */
function ViewSwitch() {
  const { t } = useTranslation('board');
  const navigate = useNavigate();
  return (
    <SegmentedControl
      aria-label={t('toolbar.view')}
      value="board"
      onChange={(view) => view === 'list' && void navigate({ to: '/deals' })}
      data={[
        { value: 'board', label: t('toolbar.board') },
        { value: 'list', label: t('toolbar.list') },
      ]}
    />
  );
}
