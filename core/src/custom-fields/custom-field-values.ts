import type { FieldSpec, FieldSpecs } from '../records/list-query.ts';
import { isCalendarDate } from '../shared/calendar-date.ts';
import { InputError } from '../shared/input-error.ts';
import type { CustomFieldType } from './custom-field.schema.ts';

export interface CustomFieldDefinition {
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  required: boolean;
}

type CustomValue = string | number | boolean | string[];

function validValue(definition: CustomFieldDefinition, value: unknown): CustomValue {
  const field = `custom.${definition.key}`;
  const fail = (message: string) => new InputError(field, `${definition.label}: ${message}`);
  switch (definition.type) {
    case 'text':
      if (typeof value !== 'string') throw fail('expects text.');
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw fail('expects a number.');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw fail('expects true or false.');
      return value;
    case 'date':
      if (typeof value !== 'string' || !isCalendarDate(value)) {
        throw fail('expects a date as YYYY-MM-DD.');
      }
      return value;
    case 'url': {
      if (typeof value !== 'string' || !URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
        throw fail('expects a web address starting with http:// or https://.');
      }
      return value;
    }
    case 'select':
      if (typeof value !== 'string' || !definition.options.includes(value)) {
        throw fail(`expects one of ${definition.options.join(', ')}.`);
      }
      return value;
    case 'multi_select': {
      if (
        !Array.isArray(value) ||
        value.some((item) => typeof item !== 'string' || !definition.options.includes(item))
      ) {
        throw fail(`expects a list of ${definition.options.join(', ')}.`);
      }
      return [...new Set(value as string[])];
    }
  }
}

/**
 * Merges custom values sent by a client into the stored ones: unknown keys and wrong types are refused,
 * `null` removes a value, and required fields must hold a value afterwards.
 */
export function mergeCustomValues(
  definitions: CustomFieldDefinition[],
  stored: Record<string, unknown>,
  input: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(input ?? {})) {
    const definition = byKey.get(key);
    if (!definition) {
      throw new InputError(
        `custom.${key}`,
        `There is no custom field '${key}' here; define it first under custom fields.`,
      );
    }
    if (value === null || value === '') delete merged[key];
    else merged[key] = validValue(definition, value);
  }
  for (const definition of definitions) {
    if (definition.required && (merged[definition.key] === undefined || merged[definition.key] === null)) {
      throw new InputError(`custom.${definition.key}`, `${definition.label} is required.`);
    }
  }
  return merged;
}

const specKind: Record<CustomFieldType, FieldSpec['kind']> = {
  text: 'text',
  url: 'text',
  number: 'number',
  date: 'date',
  boolean: 'boolean',
  select: 'enum',
  multi_select: 'tags',
};

/** Custom fields as filterable fields (`custom.<key>`) of a list. */
export function customFieldSpecs(definitions: CustomFieldDefinition[]): FieldSpecs {
  return Object.fromEntries(
    definitions.map((definition) => [
      definition.key,
      {
        kind: specKind[definition.type],
        nullable: true,
        ...(definition.type === 'select' ? { values: definition.options } : {}),
      } satisfies FieldSpec,
    ]),
  );
}
