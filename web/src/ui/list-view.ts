// What a list shows: sort, filters, search and columns. Turned into the API's list query
// (filter=field:operator:value repeated, sort=field or -field, q) and saved as a named view; its
// shape is core's, the one the saved-views API validates.
import {
  type FieldKind,
  type FieldSpecs,
  type FilterOperator,
  filterOperators,
  operatorsOfKind,
} from '@baken/core/records/list-query';
import type { FilterRow, ListView } from '@baken/core/saved-views/saved-view.schema';
import { withQuery } from '../app/query-string.ts';

export type { FilterRow, ListView };

/** How the search box reaches the API: `q`, or a `contains` filter where the API ignores q. */
export type SearchMode = { kind: 'q' } | { kind: 'contains'; field: string };

// The API accepts these too, but in a filter picker they only add noise.
const hiddenInPicker: Partial<Record<FieldKind, readonly FilterOperator[]>> = {
  text: ['lt', 'lte', 'gt', 'gte'],
  id: ['in'],
  tags: ['in'],
};

export function operatorsFor(kind: FieldKind, nullable: boolean | undefined): readonly FilterOperator[] {
  const all = operatorsOfKind[kind].filter((op) => !hiddenInPicker[kind]?.includes(op));
  // empty/not_empty on a column that is never empty only confuses.
  return nullable || kind === 'tags' ? all : all.filter((op) => op !== 'empty' && op !== 'not_empty');
}

export const needsValue = (op: FilterOperator) => op !== 'empty' && op !== 'not_empty';

/** A filter the API can take: complete, and with dates turned into what the field expects. */
function filterParam(row: FilterRow, specs: FieldSpecs): string | null {
  if (!needsValue(row.op)) return `${row.field}:${row.op}`;
  const value = row.value.trim();
  if (!value) return null;
  const kind = specs[row.field]?.kind;
  // A date picked for a timestamp field means the start of that day in the user's time zone.
  const apiValue = kind === 'timestamp' ? new Date(`${value}T00:00:00`).toISOString() : value;
  return `${row.field}:${row.op}:${apiValue}`;
}

export function listQuery(view: ListView, specs: FieldSpecs, search: SearchMode) {
  const filter = view.filters
    .map((row) => filterParam(row, specs))
    .filter((param): param is string => param !== null);
  const text = view.search.trim();
  if (text && search.kind === 'contains') filter.push(`${search.field}:contains:${text}`);
  return { sort: view.sort, filter, q: search.kind === 'q' && text ? text : undefined };
}

export const PAGE_SIZE = 100;

export interface ListSource {
  /** API path, e.g. `/accounts`; also the first part of the query key. */
  path: string;
  specs: FieldSpecs;
  search: SearchMode;
}

/** A record list as it first opens: where its rows come from and the view it starts with. */
export interface ListDefinition {
  source: ListSource;
  defaultView: ListView;
}

/** The request for one page of a list's rows (the first when the cursor is null). */
export function pagePath(source: ListSource, view: ListView, cursor: string | null): string {
  return withQuery(source.path, {
    ...listQuery(view, source.specs, source.search),
    cursor,
    limit: PAGE_SIZE,
  });
}

export function sortDirection(view: ListView, field: string): 'asc' | 'desc' | null {
  if (view.sort === field) return 'asc';
  if (view.sort === `-${field}`) return 'desc';
  return null;
}

/** Clicking a header: ascending first, then descending, then back to ascending. */
export function nextSort(view: ListView, field: string): string {
  return view.sort === field ? `-${field}` : field;
}

/**
 * Filters a link put in the address (`/contacts?filter=email:empty&filter=ownerId:eq:<id>`, as the
 * data health page links), as rows of the filter builder; unknown fields and operators are left out.
 * The list opens with them; saving or opening a view works on from there as usual.
 */
export function filtersFromAddress(search: string, specs: FieldSpecs): FilterRow[] {
  // The router writes an array of filters as one JSON value (`filter=["a:empty","b:eq:x"]`).
  const params = new URLSearchParams(search).getAll('filter').flatMap((param) => {
    if (!param.startsWith('[')) return [param];
    try {
      const list: unknown = JSON.parse(param);
      return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
    } catch {
      return [];
    }
  });
  return params.flatMap((param) => {
    const [field = '', op = '', ...rest] = param.split(':');
    const spec = Object.hasOwn(specs, field) ? specs[field] : undefined;
    if (!spec || !(filterOperators as readonly string[]).includes(op)) return [];
    if (!operatorsOfKind[spec.kind].includes(op as FilterOperator)) return [];
    return [{ field, op: op as FilterOperator, value: rest.join(':') }];
  });
}

/** The view a list opens with: its default, narrowed by filters in the address if there are any. */
export function initialView(defaultView: ListView, specs: FieldSpecs, search: string): ListView {
  const filters = filtersFromAddress(search, specs);
  return filters.length > 0 ? { ...defaultView, filters } : defaultView;
}
