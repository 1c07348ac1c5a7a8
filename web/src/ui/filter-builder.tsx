import type { FieldSpecs, FilterOperator } from '@baken/core/records/list-query';
import { ActionIcon, Badge, Button, Group, Popover, Select, Stack, TextInput } from '@mantine/core';
import { IconFilter, IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type FilterRow, needsValue, operatorsFor } from './list-view.ts';

export interface FieldChoice {
  value: string;
  label: string;
}

export interface FilterFields {
  specs: FieldSpecs;
  label: (field: string) => string;
  /** Choices for fields such as owner, stage or status; text input when absent. */
  choices: (field: string) => FieldChoice[] | undefined;
}

interface FilterBuilderProps {
  fields: FilterFields;
  filters: FilterRow[];
  onChange: (filters: FilterRow[]) => void;
}

/** A popover of "field operator value" rows; all rows must hold (AND), as in the API. */
export function FilterBuilder({ fields, filters, onChange }: FilterBuilderProps) {
  const { t } = useTranslation('ui');
  const names = Object.keys(fields.specs);
  const add = () => {
    const field = names[0]!;
    const op = operatorsFor(fields.specs[field]!.kind, fields.specs[field]!.nullable)[0]!;
    onChange([...filters, { field, op, value: '' }]);
  };
  const update = (index: number, row: FilterRow) =>
    onChange(filters.map((current, i) => (i === index ? row : current)));
  return (
    <Popover position="bottom-start" width={560} trapFocus withinPortal>
      <Popover.Target>
        <Button variant="default" leftSection={<IconFilter size={16} />}>
          {t('filters.button')}
          {filters.length > 0 && (
            <Badge ml={6} size="sm" circle>
              {filters.length}
            </Badge>
          )}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw="calc(100vw - 16px)">
        <Stack gap="xs">
          {filters.length === 0 && t('filters.none')}
          {filters.map((row, index) => (
            <FilterRowEditor
              // Filters have no id of their own; their place in the list is what identifies them.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={index}
              row={row}
              fields={fields}
              onChange={(next) => update(index, next)}
              onRemove={() => onChange(filters.filter((_, i) => i !== index))}
            />
          ))}
          <Group>
            <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={add}>
              {t('filters.add')}
            </Button>
            {filters.length > 0 && (
              <Button variant="subtle" size="xs" onClick={() => onChange([])}>
                {t('filters.clear')}
              </Button>
            )}
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

interface RowEditorProps {
  row: FilterRow;
  fields: FilterFields;
  onChange: (row: FilterRow) => void;
  onRemove: () => void;
}

function FilterRowEditor({ row, fields, onChange, onRemove }: RowEditorProps) {
  const { t } = useTranslation('ui');
  const spec = fields.specs[row.field]!;
  const operators = operatorsFor(spec.kind, spec.nullable);
  const changeField = (field: string | null) => {
    if (!field) return;
    const nextSpec = fields.specs[field]!;
    const nextOps = operatorsFor(nextSpec.kind, nextSpec.nullable);
    onChange({ field, op: nextOps.includes(row.op) ? row.op : nextOps[0]!, value: '' });
  };
  return (
    <Group gap="xs" wrap="wrap" align="flex-end">
      <Select
        label={t('filters.field')}
        w={170}
        data={Object.keys(fields.specs).map((field) => ({ value: field, label: fields.label(field) }))}
        value={row.field}
        onChange={changeField}
        allowDeselect={false}
        comboboxProps={{ withinPortal: false }}
      />
      <Select
        label={t('filters.operator')}
        w={150}
        data={operators.map((op) => ({ value: op, label: t(`operators.${op}`) }))}
        value={row.op}
        onChange={(op) => op && onChange({ ...row, op: op as FilterOperator })}
        allowDeselect={false}
        comboboxProps={{ withinPortal: false }}
      />
      {needsValue(row.op) && <ValueInput row={row} fields={fields} onChange={onChange} />}
      <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={t('filters.remove')} mb={4}>
        <IconX size={16} />
      </ActionIcon>
    </Group>
  );
}

function ValueInput({ row, fields, onChange }: Omit<RowEditorProps, 'onRemove'>) {
  const { t } = useTranslation('ui');
  const kind = fields.specs[row.field]!.kind;
  const choices = fields.choices(row.field);
  if (choices && row.op !== 'in')
    return (
      <Select
        label={t('filters.value')}
        w={170}
        data={choices}
        value={row.value || null}
        onChange={(value) => onChange({ ...row, value: value ?? '' })}
        searchable
        comboboxProps={{ withinPortal: false }}
      />
    );
  const type = kind === 'number' ? 'number' : kind === 'date' || kind === 'timestamp' ? 'date' : 'text';
  return (
    <TextInput
      label={t('filters.value')}
      description={row.op === 'in' ? t('filters.commaHint') : undefined}
      w={170}
      type={type}
      value={row.value}
      onChange={(event) => onChange({ ...row, value: event.currentTarget.value })}
    />
  );
}
