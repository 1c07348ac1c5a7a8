import { isCalendarDate } from '../shared/calendar-date.ts';
import { InputError } from '../shared/input-error.ts';

export const filterOperators = [
  'eq',
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'contains',
  'in',
  'empty',
  'not_empty',
] as const;
export type FilterOperator = (typeof filterOperators)[number];

export type FieldKind = 'text' | 'number' | 'date' | 'timestamp' | 'id' | 'enum' | 'boolean' | 'tags';

export interface FieldSpec {
  kind: FieldKind;
  /** Database column (camelCase); defaults to the field name. */
  column?: string;
  sortable?: boolean;
  nullable?: boolean;
  values?: readonly string[];
}

export type FieldSpecs = Record<string, FieldSpec>;

export type FilterValue = string | number | boolean | string[] | number[];

export interface Filter {
  field: string;
  spec: FieldSpec;
  /** Set for `custom.<key>` filters: the key inside the record's custom values. */
  customKey?: string;
  op: FilterOperator;
  value: FilterValue | null;
}

export interface Sort {
  field: string;
  spec: FieldSpec;
  direction: 'asc' | 'desc';
}

/** The operators the API accepts per kind of field. */
export const operatorsOfKind: Record<FieldKind, readonly FilterOperator[]> = {
  text: filterOperators,
  number: ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'empty', 'not_empty'],
  date: ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'empty', 'not_empty'],
  timestamp: ['lt', 'lte', 'gt', 'gte', 'empty', 'not_empty'],
  id: ['eq', 'neq', 'in', 'empty', 'not_empty'],
  enum: ['eq', 'neq', 'in', 'empty', 'not_empty'],
  boolean: ['eq', 'neq', 'empty', 'not_empty'],
  tags: ['contains', 'in', 'empty', 'not_empty'],
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_IN_VALUES = 200;

function coerce(field: string, spec: FieldSpec, raw: string): string | number | boolean {
  const fail = (expected: string) => new InputError('filter', `${field}: '${raw}' is not ${expected}.`);
  switch (spec.kind) {
    case 'number': {
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value)) throw fail('a number');
      return value;
    }
    case 'date':
      if (!isCalendarDate(raw)) throw fail('a date (YYYY-MM-DD)');
      return raw;
    case 'timestamp':
      if (Number.isNaN(Date.parse(raw))) throw fail('a date and time (ISO 8601)');
      return new Date(raw).toISOString();
    case 'id':
      if (!UUID.test(raw)) throw fail('an id');
      return raw.toLowerCase();
    case 'enum':
      if (spec.values && !spec.values.includes(raw)) throw fail(`one of ${spec.values.join(', ')}`);
      return raw;
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw fail('true or false');
      return raw === 'true';
    default:
      if (raw.length > 500) throw fail('at most 500 characters long');
      return raw;
  }
}

/** The spec of a field the client named; `__proto__` or `constructor` is no field, not Object's. */
function specOf(specs: FieldSpecs, field: string): FieldSpec | undefined {
  return Object.hasOwn(specs, field) ? specs[field] : undefined;
}

/**
 * Parses `filter` query values of the form `field:operator[:value]`, e.g. `amount:gt:1000`,
 * `email:contains:@acme.nl`, `stageId:in:<id>,<id>`, `phone:empty`, `custom.region:eq:Noord`.
 */
export function parseFilters(
  raw: string | string[] | undefined,
  specs: FieldSpecs,
  customSpecs: FieldSpecs = {},
): Filter[] {
  const items = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (items.length > 20) throw new InputError('filter', 'At most 20 filters at once.');
  return items.map((item) => parseFilter(item, specs, customSpecs));
}

function parseFilter(item: string, specs: FieldSpecs, customSpecs: FieldSpecs): Filter {
  const first = item.indexOf(':');
  if (first < 0) throw new InputError('filter', `'${item}' is not of the form field:operator:value.`);
  const field = item.slice(0, first);
  const rest = item.slice(first + 1);
  const second = rest.indexOf(':');
  const op = (second < 0 ? rest : rest.slice(0, second)) as FilterOperator;
  const rawValue = second < 0 ? null : rest.slice(second + 1);

  const customKey = field.startsWith('custom.') ? field.slice('custom.'.length) : undefined;
  const spec = customKey === undefined ? specOf(specs, field) : specOf(customSpecs, customKey);
  if (!spec) {
    const known = [...Object.keys(specs), ...Object.keys(customSpecs).map((key) => `custom.${key}`)];
    throw new InputError(
      'filter',
      `Unknown field '${field}'. Fields you can filter on: ${known.join(', ')}.`,
    );
  }
  if (!operatorsOfKind[spec.kind].includes(op)) {
    throw new InputError(
      'filter',
      `Operator '${op}' does not apply to ${field}; use one of ${operatorsOfKind[spec.kind].join(', ')}.`,
    );
  }
  if (op === 'empty' || op === 'not_empty') return { field, spec, customKey, op, value: null };
  if (rawValue === null || rawValue === '') throw new InputError('filter', `${field}:${op} needs a value.`);
  if (op === 'in') {
    const values = rawValue.split(',').map((value) => coerce(field, spec, value.trim()));
    if (values.length > MAX_IN_VALUES)
      throw new InputError('filter', `${field}:in takes at most ${MAX_IN_VALUES} values.`);
    return { field, spec, customKey, op, value: values as string[] | number[] };
  }
  const value = op === 'contains' || spec.kind === 'tags' ? rawValue : coerce(field, spec, rawValue);
  return { field, spec, customKey, op, value };
}

/** Parses `sort` such as `name` or `-amount` (descending). */
export function parseSort(raw: string | undefined, specs: FieldSpecs, fallback: string): Sort {
  const text = raw ?? fallback;
  const direction = text.startsWith('-') ? 'desc' : 'asc';
  const field = text.replace(/^[-+]/, '');
  const spec = specOf(specs, field);
  if (!spec?.sortable) {
    const sortable = Object.entries(specs)
      .filter(([, fieldSpec]) => fieldSpec.sortable)
      .map(([name]) => name);
    throw new InputError(
      'sort',
      `Cannot sort by '${field}'. Sort by one of ${sortable.join(', ')} (prefix - for descending).`,
    );
  }
  return { field, spec, direction };
}

export interface Cursor {
  sort: string;
  value: string | number | null;
  id: string;
  /** The pages continue a search that found nothing for the words as typed and looks for similar words. */
  typo?: true;
}

// Cursors are opaque base64url text; written without Buffer so that core also runs in the browser.
function toBase64Url(text: string): string {
  const binary = Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join('');
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replaceAll('-', '+').replaceAll('_', '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(
    Uint8Array.from(binary, (char) => char.charCodeAt(0)),
  );
}

export function encodeCursor(cursor: Cursor): string {
  const fields = [cursor.sort, cursor.value, cursor.id];
  return toBase64Url(JSON.stringify(cursor.typo ? [...fields, 1] : fields));
}

export function decodeCursor(raw: string, sort: Sort): Cursor {
  const invalid = () =>
    new InputError('cursor', 'This cursor is not valid: use the nextCursor of a previous page.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(raw));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length < 3 || parsed.length > 4) throw invalid();
  const [sortKey, value, id, typo] = parsed as unknown[];
  if (parsed.length === 4 && typo !== 1) throw invalid();
  const sortText = `${sort.direction === 'desc' ? '-' : ''}${sort.field}`;
  if (sortKey !== sortText) {
    throw new InputError(
      'cursor',
      'This cursor belongs to another sort order: start again without a cursor.',
    );
  }
  if (typeof id !== 'string' || !UUID.test(id)) throw invalid();
  if (value !== null && typeof value !== 'string' && typeof value !== 'number') throw invalid();
  if (typeof value === 'string') {
    if (sort.spec.kind === 'timestamp' && Number.isNaN(Date.parse(value))) throw invalid();
    if (sort.spec.kind === 'date' && !isCalendarDate(value)) throw invalid();
  }
  if (typeof value === 'number' && sort.spec.kind !== 'number') throw invalid();
  return typo === 1 ? { sort: sortText, value, id, typo: true } : { sort: sortText, value, id };
}

export function sortKey(sort: Sort): string {
  return `${sort.direction === 'desc' ? '-' : ''}${sort.field}`;
}

// Latin letters without a Unicode decomposition, folded to the base letter as baken_fold() does
// (migration 0003); one letter each, since SQL's translate() maps letter to letter.
const baseLetter: Record<string, string> = {
  æ: 'a',
  ð: 'd',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  ĳ: 'i',
  ĸ: 'k',
  ŀ: 'l',
  ł: 'l',
  ŉ: 'n',
  ŋ: 'n',
  ø: 'o',
  œ: 'o',
  ß: 's',
  ſ: 's',
  þ: 't',
  ŧ: 't',
};

/** Words of a search box, folded like the database's baken_fold(), ready for a prefix tsquery. */
export function searchWords(q: string): string[] {
  return q
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[æðđħıĳĸŀłŉŋøœßſþŧ]/g, (letter) => baseLetter[letter]!)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 8);
}
