import type { CustomFieldDefinition } from '../custom-fields/custom-field-values.ts';
import {
  customCellValue,
  customerStatusOf,
  lifecycleStageOf,
  parseNumber,
  splitFullName,
} from './cell-values.ts';
import type { ImportField } from './import-fields.ts';

export interface MappedRow {
  /** The record's fields as the API's create and update schemas take them; `custom` holds custom fields. */
  values: Record<string, unknown>;
  /** A contact's company (`account.<field>` columns without the prefix). */
  account: Record<string, unknown>;
}

/** What a mapping needs at hand for each row: the fields by key and the custom field definitions. */
export interface RowMapper {
  fields: Map<string, ImportField>;
  custom: Map<string, CustomFieldDefinition>;
  mapping: (string | null)[];
}

export function rowMapper(
  fields: ImportField[],
  definitions: CustomFieldDefinition[],
  mapping: (string | null)[],
): RowMapper {
  return {
    fields: new Map(fields.map((candidate) => [candidate.key, candidate])),
    custom: new Map(definitions.map((definition) => [definition.key, definition])),
    mapping,
  };
}

function cellValue(field: ImportField, text: string): unknown {
  switch (field.kind) {
    case 'integer':
      return parseNumber(text) ?? text;
    case 'money': {
      const euros = parseNumber(text);
      return euros === null ? text : Math.round(euros * 100);
    }
    case 'lifecycleStage':
      return lifecycleStageOf(text);
    case 'customerStatus':
      return customerStatusOf(text);
    default:
      return text;
  }
}

/**
 * One row's cells as record input. A blank cell sets nothing, so an update leaves that field as it
 * was. A full name fills first and last name unless those have columns of their own.
 */
export function mapRow(mapper: RowMapper, cells: readonly string[]): MappedRow {
  const values: Record<string, unknown> = {};
  const account: Record<string, unknown> = {};
  let custom: Record<string, unknown> | null = null;
  let fullName: string | null = null;
  const { mapping } = mapper;
  for (let column = 0; column < mapping.length; column++) {
    const key = mapping[column];
    if (!key) continue;
    const text = (cells[column] ?? '').trim();
    if (text === '') continue;
    if (key.startsWith('custom.')) {
      const definition = mapper.custom.get(key.slice(7));
      if (!definition) continue;
      custom ??= {};
      custom[definition.key] = customCellValue(definition, text);
      continue;
    }
    const field = mapper.fields.get(key);
    if (!field) continue;
    if (field.kind === 'fullName') fullName = text;
    else if (key.startsWith('account.')) account[key.slice(8)] = cellValue(field, text);
    else values[key] = cellValue(field, text);
  }
  if (fullName !== null && values.firstName === undefined && values.lastName === undefined) {
    Object.assign(values, splitFullName(fullName));
  }
  if (custom) values.custom = custom;
  return { values, account };
}
