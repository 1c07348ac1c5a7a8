import {
  type Cursor,
  decodeCursor,
  encodeCursor,
  type FieldSpecs,
  parseFilters,
  parseSort,
  type Sort,
  searchWords,
  sortKey,
} from '@baken/core/records/list-query';
import type { ListQuery } from '@baken/core/records/record.schema';
import { InputError } from '@baken/core/shared/input-error';
import type { SelectQueryBuilder } from 'kysely';
import { afterCursor, cursorValue, filterCondition, orderBy } from '../db/list-query.ts';
import type { DB } from '../db/schema.ts';
import { matchingRows, prefixQuery, type SearchQuery, type SearchScope, typoQuery } from './record-search.ts';

export interface ListOptions {
  /** Table name or alias the fields belong to. */
  table: string;
  specs: FieldSpecs;
  customSpecs?: FieldSpecs;
  defaultSort: string;
  /** Where `q` searches, for a table with a `search_text` column; null: this list has no search. */
  search: SearchScope | null;
}

export interface Page<Row> {
  rows: Row[];
  nextCursor: string | null;
}

type Base<Row> = SelectQueryBuilder<DB, keyof DB, Row>;

/**
 * One page of a list: filters, `q`, keyset cursor and sort over a query that already selects the
 * rows of one workspace. `q` matches word prefixes through the full-text index; only when that finds
 * nothing on the first page does it look for similar words, for typos, and the pages that follow
 * carry on with those (record-search.ts, ADR 0006).
 */
export async function listPage<Row extends { id: string }>(
  base: Base<Row>,
  query: ListQuery,
  options: ListOptions,
): Promise<Page<Row>> {
  const filters = parseFilters(query.filter, options.specs, options.customSpecs);
  const sort = parseSort(query.sort, { ...options.specs }, options.defaultSort);
  const cursor: Cursor | null = query.cursor ? decodeCursor(query.cursor, sort) : null;
  let filtered = base;
  for (const filter of filters) filtered = filtered.where(filterCondition(filter, options.table));

  if (query.q && !options.search) {
    throw new InputError(
      'q',
      'This list has no search box: narrow it with filter=field:contains:text instead.',
    );
  }
  const words = query.q ? searchWords(query.q) : [];
  if (words.length > 0 && options.search) {
    const { db } = options.search;
    const find = (tsquery: SearchQuery) =>
      matchingRows(db, filtered, tsquery, sort, cursor, query.limit + 1, options.table);
    if (!cursor?.typo) {
      const rows = await find(prefixQuery(words));
      if (rows.length > 0 || cursor) return pageFrom(rows, query.limit, sort);
    }
    const corrected = await typoQuery(options.search, words);
    if (!corrected) return { rows: [], nextCursor: null };
    return pageFrom(await find(corrected), query.limit, sort, true);
  }

  const rows = await readAfter(filtered, sort, cursor, query.limit + 1, options.table);
  return pageFrom(rows, query.limit, sort);
}

/** Up to `count` rows after the cursor, reading its ranges in order until enough are found. */
async function readAfter<Row extends { id: string }>(
  query: Base<Row>,
  sort: Sort,
  cursor: Cursor | null,
  count: number,
  table: string,
): Promise<Row[]> {
  const ordered = query.orderBy(orderBy(sort, table));
  if (!cursor) return ordered.limit(count).execute();
  const rows: Row[] = [];
  for (const range of afterCursor(sort, cursor, table)) {
    rows.push(
      ...(await ordered
        .where(range)
        .limit(count - rows.length)
        .execute()),
    );
    if (rows.length >= count) break;
  }
  return rows;
}

function pageFrom<Row extends { id: string }>(
  rows: Row[],
  limit: number,
  sort: Sort,
  typo = false,
): Page<Row> {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  const last = page.at(-1)!;
  const value = (last as Record<string, unknown>)[sort.spec.column ?? sort.field];
  const cursor: Cursor = { sort: sortKey(sort), value: cursorValue(value), id: last.id };
  return { rows: page, nextCursor: encodeCursor(typo ? { ...cursor, typo: true } : cursor) };
}
