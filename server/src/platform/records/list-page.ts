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
import { type SelectQueryBuilder, sql } from 'kysely';
import { afterCursor, cursorValue, filterCondition, orderBy } from '../db/list-query.ts';
import type { DB } from '../db/schema.ts';

export interface ListOptions {
  /** Table name or alias the fields belong to. */
  table: string;
  specs: FieldSpecs;
  customSpecs?: FieldSpecs;
  defaultSort: string;
  /** Whether the table has a `search_text` column for `q`. */
  searchable: boolean;
}

export interface Page<Row> {
  rows: Row[];
  nextCursor: string | null;
}

type Base<Row> = SelectQueryBuilder<DB, keyof DB, Row>;

/**
 * One page of a list: filters, `q`, keyset cursor and sort over a query that already selects the
 * rows of one workspace. `q` matches word prefixes through the full-text index; only when that finds
 * nothing on the first page does it fall back to trigram similarity, for typos (DESIGN.md section 7).
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

  if (query.q && !options.searchable) {
    throw new InputError(
      'q',
      'This list has no search box: narrow it with filter=field:contains:text instead.',
    );
  }
  const words = query.q ? searchWords(query.q) : [];
  if (words.length > 0) {
    const searchText = sql.ref(`${options.table}.searchText`);
    const prefixQuery = words.map((word) => `${word}:*`).join(' & ');
    const matched = filtered.where(
      sql<boolean>`to_tsvector('simple', ${searchText}) @@ to_tsquery('simple', ${prefixQuery})`,
    );
    const rows = await readAfter(matched, sort, cursor, query.limit + 1, options.table);
    if (rows.length > 0 || cursor) return pageFrom(rows, query.limit, sort);
    const typoRows = await filtered
      .where(sql<boolean>`${words.join(' ')} <% ${searchText}`)
      .orderBy(sql`word_similarity(${words.join(' ')}, ${searchText}) desc`)
      .limit(query.limit)
      .execute();
    return { rows: typoRows, nextCursor: null };
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

function pageFrom<Row extends { id: string }>(rows: Row[], limit: number, sort: Sort): Page<Row> {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  const last = page.at(-1)!;
  const value = (last as Record<string, unknown>)[sort.spec.column ?? sort.field];
  return {
    rows: page,
    nextCursor: encodeCursor({ sort: sortKey(sort), value: cursorValue(value), id: last.id }),
  };
}
