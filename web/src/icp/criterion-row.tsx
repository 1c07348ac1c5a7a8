// One criterion of the ideal customer profile as a table row: its name, the company field it reads,
// a condition that suits that field (text, number or list) and its weight.
import { customerStatuses } from '@baken/core/accounts/account.fields';
import {
  ActionIcon,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Table,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { countryOptions } from '../settings/countries.ts';
import {
  type CustomFieldDefinition,
  companyFields,
  type FieldCondition,
  type FieldKind,
  type IcpCriterion,
  kindOf,
} from './icp-api.ts';

type Op = FieldCondition['op'];

const opsOf: Record<FieldKind, Op[]> = {
  text: ['in', 'startsWithAny', 'filled', 'empty'],
  number: ['between', 'filled', 'empty'],
  list: ['hasAny', 'hasNone', 'filled', 'empty'],
};

/** Annual revenue is kept in cents; people type euros. */
const scaleOf = (field: string) => (field === 'annualRevenue' ? 100 : 1);

function valuesOf(condition: FieldCondition): string[] {
  switch (condition.op) {
    case 'in':
    case 'hasAny':
    case 'hasNone':
      return condition.values.map(String);
    case 'startsWithAny':
      return condition.prefixes;
    case 'containsAny':
      return condition.words;
    case 'eq':
      return [String(condition.value)];
    default:
      return [];
  }
}

/** The condition an operator starts with, keeping the values typed so far where they still apply. */
function conditionFor(op: Op, previous: FieldCondition): FieldCondition {
  const values = valuesOf(previous);
  switch (op) {
    case 'in':
      return { op, values };
    case 'hasAny':
    case 'hasNone':
      return { op, values };
    case 'startsWithAny':
      return { op, prefixes: values };
    case 'containsAny':
      return { op, words: values };
    case 'between':
      return previous.op === 'between' ? previous : { op };
    case 'eq':
      return { op, value: values[0] ?? '' };
    default:
      return { op };
  }
}

/** Codes are matched on their first digits (an SBI section, a postcode area); other text exactly. */
const prefixFields = new Set(['industryCode', 'postalCode']);

/** The criterion moved to another field: the condition that field usually takes, values cleared. */
export function criterionOn(criterion: IcpCriterion, field: string, custom: CustomFieldDefinition[]) {
  const op = prefixFields.has(field) ? 'startsWithAny' : opsOf[kindOf(field, custom)][0]!;
  return { ...criterion, field, condition: conditionFor(op, { op: 'empty' }) };
}

interface ValueProps {
  criterion: IcpCriterion;
  custom: CustomFieldDefinition[];
  disabled: boolean;
  error: string | undefined;
  onChange: (condition: FieldCondition) => void;
}

/** Options of a field with fixed values (customer status, country, a custom select), else none. */
function useFixedOptions(field: string, custom: CustomFieldDefinition[]) {
  const { t, i18n } = useTranslation('records');
  if (field === 'customerStatus')
    return customerStatuses.map((value) => ({ value, label: t(`enums.customerStatus.${value}`) }));
  if (field === 'country') return countryOptions(i18n.language);
  const definition = custom.find((candidate) => `custom.${candidate.key}` === field);
  if (definition && definition.options.length > 0)
    return definition.options.map((value) => ({ value, label: value }));
  return null;
}

function RangeInputs({ criterion, disabled, error, onChange }: ValueProps) {
  const { t } = useTranslation('icp');
  const { condition, field, label } = criterion;
  if (condition.op !== 'between') return null;
  const scale = scaleOf(field);
  const prefix = scale === 100 ? '€ ' : undefined;
  const bound = (key: 'min' | 'max', value: string | number) => {
    const { [key]: _dropped, ...rest } = condition;
    onChange(typeof value === 'number' ? { ...rest, [key]: Math.round(value * scale) } : rest);
  };
  const shown = (value: number | undefined) => (value === undefined ? '' : value / scale);
  return (
    <>
      <NumberInput
        aria-label={t('profile.minOf', { criterion: label })}
        placeholder={t('profile.min')}
        value={shown(condition.min)}
        onChange={(value) => bound('min', value)}
        prefix={prefix}
        disabled={disabled}
        error={error}
        w={130}
      />
      <NumberInput
        aria-label={t('profile.maxOf', { criterion: label })}
        placeholder={t('profile.max')}
        value={shown(condition.max)}
        onChange={(value) => bound('max', value)}
        prefix={prefix}
        disabled={disabled}
        error={Boolean(error)}
        w={130}
      />
    </>
  );
}

function ValuesInput(props: ValueProps) {
  const { t } = useTranslation('icp');
  const { criterion, disabled, error, onChange } = props;
  const { condition, field, label } = criterion;
  const options = useFixedOptions(field, props.custom);
  if (condition.op === 'between') return <RangeInputs {...props} />;
  if (condition.op === 'filled' || condition.op === 'empty') return null;
  if (condition.op === 'eq')
    return (
      <TextInput
        aria-label={t('profile.valuesOf', { criterion: label })}
        value={String(condition.value)}
        onChange={(event) => onChange({ op: 'eq', value: event.currentTarget.value })}
        disabled={disabled}
        error={error}
        style={{ flex: 1 }}
      />
    );
  const values = valuesOf(condition);
  const common = {
    'aria-label': t('profile.valuesOf', { criterion: label }),
    value: values,
    onChange: (next: string[]) => onChange(conditionFor(condition.op, { op: 'in', values: next })),
    disabled,
    error,
    clearable: true,
    style: { flex: 1, minWidth: 200 },
  };
  if (condition.op === 'in' && options) {
    // A value saved before an option was renamed still shows, so it can be removed.
    const known = new Set(options.map((option) => option.value));
    const data = [
      ...options,
      ...values.filter((value) => !known.has(value)).map((value) => ({ value, label: value })),
    ];
    return (
      <MultiSelect
        {...common}
        data={data}
        searchable
        placeholder={values.length === 0 ? t('profile.choose') : undefined}
      />
    );
  }
  const placeholder =
    condition.op === 'startsWithAny'
      ? t(`profile.prefixHints.${field === 'postalCode' ? 'postalCode' : 'industryCode'}`)
      : t('profile.typeValues');
  return <TagsInput {...common} placeholder={values.length === 0 ? placeholder : undefined} />;
}

interface CriterionRowProps {
  criterion: IcpCriterion;
  custom: CustomFieldDefinition[];
  editable: boolean;
  /** The server's message for a part of this criterion (label, field, condition, weight). */
  errorOf: (part: string) => string | undefined;
  onChange: (criterion: IcpCriterion) => void;
  onRemove: () => void;
}

export function CriterionRow({
  criterion,
  custom,
  editable,
  errorOf,
  onChange,
  onRemove,
}: CriterionRowProps) {
  const { t } = useTranslation('icp');
  const { t: tr } = useTranslation('records');
  const { condition, field, label } = criterion;
  const ops = opsOf[kindOf(field, custom)];
  // An operator set through the API that this field's editor does not offer is kept, not dropped.
  const offered = ops.includes(condition.op) ? ops : [condition.op, ...ops];
  const customItems = custom.map((definition) => ({
    value: `custom.${definition.key}`,
    label: definition.label,
  }));
  if (field.startsWith('custom.') && !customItems.some((item) => item.value === field))
    customItems.push({ value: field, label: field.slice('custom.'.length) });
  const fieldData = [
    {
      group: t('profile.companyFields'),
      items: Object.keys(companyFields).map((value) => ({ value, label: tr(`fields.${value}`) })),
    },
    ...(customItems.length > 0 ? [{ group: t('profile.customFields'), items: customItems }] : []),
  ];
  return (
    <Table.Tr data-testid={`icp-criterion-${criterion.id}`}>
      <Table.Td>
        <TextInput
          aria-label={t('profile.labelOf', { criterion: label })}
          placeholder={t('profile.labelPlaceholder')}
          value={label}
          onChange={(event) => onChange({ ...criterion, label: event.currentTarget.value })}
          disabled={!editable}
          error={errorOf('label')}
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={t('profile.fieldOf', { criterion: label })}
          data={fieldData}
          value={field}
          allowDeselect={false}
          searchable
          onChange={(next) => next && onChange(criterionOn(criterion, next, custom))}
          disabled={!editable}
          error={errorOf('field')}
        />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Select
            aria-label={t('profile.conditionOf', { criterion: label })}
            data={offered.map((op) => ({ value: op, label: t(`ops.${op}`) }))}
            value={condition.op}
            allowDeselect={false}
            onChange={(op) => op && onChange({ ...criterion, condition: conditionFor(op as Op, condition) })}
            disabled={!editable}
            w={150}
          />
          <ValuesInput
            criterion={criterion}
            custom={custom}
            disabled={!editable}
            error={errorOf('condition')}
            onChange={(next) => onChange({ ...criterion, condition: next })}
          />
        </Group>
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={t('profile.weightOf', { criterion: label })}
          value={criterion.weight}
          min={0}
          max={100}
          clampBehavior="strict"
          onChange={(value) => onChange({ ...criterion, weight: typeof value === 'number' ? value : 0 })}
          disabled={!editable}
          error={errorOf('weight')}
        />
      </Table.Td>
      <Table.Td>
        {editable && (
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('profile.remove', { criterion: label || t('profile.unnamed') })}
            onClick={onRemove}
          >
            <IconTrash size={16} />
          </ActionIcon>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
