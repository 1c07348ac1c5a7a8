// Forms that add a rule to the scoring model: a fit rule over a field, an engagement rule over events.
import type { EngagementRule, FieldCondition, FitRule } from '@baken/core/scoring/lead-score';
import { knownEvents, scorableFields } from '@baken/core/scoring/scorable-fields';
import { Button, Group, NumberInput, Select, TagsInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const operators = [
  'in',
  'containsAny',
  'startsWithAny',
  'hasAny',
  'hasNone',
  'between',
  'filled',
  'empty',
] as const;
type Operator = (typeof operators)[number];

/** A rule id from its label, unique among `taken`. */
function ruleId(label: string, taken: string[]): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 50) || 'rule';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

function conditionOf(
  op: Operator,
  values: string[],
  min: number | '',
  max: number | '',
): FieldCondition | null {
  switch (op) {
    case 'filled':
    case 'empty':
      return { op };
    case 'between':
      if (min === '' && max === '') return null;
      return { op, ...(min === '' ? {} : { min }), ...(max === '' ? {} : { max }) };
    case 'in':
    case 'hasAny':
    case 'hasNone':
      return values.length > 0 ? { op, values } : null;
    case 'containsAny':
      return values.length > 0 ? { op, words: values } : null;
    case 'startsWithAny':
      return values.length > 0 ? { op, prefixes: values } : null;
  }
}

const asNumber = (value: string | number) => (typeof value === 'number' ? value : '');

export function AddFitRule({ taken, onAdd }: { taken: string[]; onAdd: (rule: FitRule) => void }) {
  const { t } = useTranslation('scoring');
  const [label, setLabel] = useState('');
  const [field, setField] = useState<string | null>(null);
  const [op, setOp] = useState<Operator>('in');
  const [values, setValues] = useState<string[]>([]);
  const [range, setRange] = useState<{ min: number | ''; max: number | '' }>({ min: '', max: '' });
  const [points, setPoints] = useState<number | ''>(10);
  const condition = conditionOf(op, values, range.min, range.max);
  const ready = label.trim() && field && condition && points !== '';
  return (
    <Group align="flex-end" data-testid="add-fit-rule">
      <TextInput
        label={t('add.label')}
        value={label}
        onChange={(event) => setLabel(event.currentTarget.value)}
      />
      <Select
        label={t('model.field')}
        data={scorableFields.map((value) => ({
          value,
          label: t(`fields.${value}`),
        }))}
        value={field}
        onChange={setField}
        searchable
      />
      <Select
        label={t('model.condition')}
        data={operators.map((value) => ({ value, label: t(`add.operators.${value}`) }))}
        value={op}
        allowDeselect={false}
        onChange={(value) => value && setOp(value as Operator)}
      />
      {op === 'between' && (
        <>
          <NumberInput
            label={t('add.min')}
            value={range.min}
            onChange={(value) => setRange({ ...range, min: asNumber(value) })}
            w={110}
          />
          <NumberInput
            label={t('add.max')}
            value={range.max}
            onChange={(value) => setRange({ ...range, max: asNumber(value) })}
            w={110}
          />
        </>
      )}
      {op !== 'between' && op !== 'filled' && op !== 'empty' && (
        <TagsInput label={t('add.values')} value={values} onChange={setValues} maw={260} />
      )}
      <NumberInput
        label={t('model.points')}
        value={points}
        onChange={(value) => setPoints(asNumber(value))}
        w={100}
      />
      <Button
        disabled={!ready}
        onClick={() => {
          if (!ready) return;
          onAdd({ id: ruleId(label, taken), label: label.trim(), field, condition, points });
          setLabel('');
          setValues([]);
          setRange({ min: '', max: '' });
        }}
      >
        {t('add.fit')}
      </Button>
    </Group>
  );
}

export function AddEngagementRule({
  taken,
  onAdd,
}: {
  taken: string[];
  onAdd: (rule: EngagementRule) => void;
}) {
  const { t } = useTranslation('scoring');
  const [label, setLabel] = useState('');
  const [event, setEvent] = useState<string | null>('page_view');
  const [path, setPath] = useState('');
  const [points, setPoints] = useState<number | ''>(5);
  const [cap, setCap] = useState<number | ''>('');
  const ready = label.trim() && event && points !== '';
  return (
    <Group align="flex-end" data-testid="add-engagement-rule">
      <TextInput
        label={t('add.label')}
        value={label}
        onChange={(change) => setLabel(change.currentTarget.value)}
      />
      <Select
        label={t('model.event')}
        data={knownEvents.map((value) => ({ value, label: t(`add.events.${value}`) }))}
        value={event}
        allowDeselect={false}
        onChange={setEvent}
      />
      <TextInput
        label={t('add.path')}
        placeholder="/pricing"
        value={path}
        onChange={(change) => setPath(change.currentTarget.value)}
        w={160}
      />
      <NumberInput
        label={t('model.points')}
        value={points}
        onChange={(value) => setPoints(asNumber(value))}
        w={100}
      />
      <NumberInput
        label={t('model.cap')}
        placeholder={t('model.noCap')}
        min={1}
        value={cap}
        onChange={(value) => setCap(asNumber(value))}
        w={110}
      />
      <Button
        disabled={!ready}
        onClick={() => {
          if (!ready) return;
          onAdd({
            id: ruleId(label, taken),
            label: label.trim(),
            event,
            points,
            ...(path.trim() ? { pathContains: path.trim() } : {}),
            ...(cap === '' ? {} : { cap }),
          });
          setLabel('');
          setPath('');
        }}
      >
        {t('add.engagement')}
      </Button>
    </Group>
  );
}
