import { Button, Group, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
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

/**
 * Board or list: the list view is its own page, so this is a pair of links. (Mantine's segmented
 * control measured its indicator on every render, some 50 ms of a cold board open.)
 */
function ViewSwitch() {
  const { t } = useTranslation('board');
  return (
    <Button.Group aria-label={t('toolbar.view')}>
      <Button variant="filled" aria-current="page">
        {t('toolbar.board')}
      </Button>
      <Button variant="default" component={Link} to="/deals">
        {t('toolbar.list')}
      </Button>
    </Button.Group>
  );
}
