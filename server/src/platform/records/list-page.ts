import {
  type Cursor,
  decodeCursor,
  encodeCursor,
  type FieldSpecs,
  parseFilters,
  parseSort,
  searchWords,
  sortKey,
} from '@baken/core/records/list-query';
import type { ListQuery } from '@baken/core/records/record.schema';
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

  const words = options.searchable && query.q ? searchWords(query.q) : [];
  if (words.length > 0) {
    const searchText = sql.ref(`${options.table}.searchText`);
    const prefixQuery = words.map((word) => `${word}:*`).join(' & ');
    let matched = filtered.where(
      sql<boolean>`to_tsvector('simple', ${searchText}) @@ to_tsquery('simple', ${prefixQuery})`,
    );
    if (cursor) matched = matched.where(afterCursor(sort, cursor, options.table));
    const rows = await matched
      .orderBy(orderBy(sort, options.table))
      .limit(query.limit + 1)
      .execute();
    if (rows.length > 0 || cursor) return pageFrom(rows, query.limit, sort);
    const typoRows = await filtered
      .where(sql<boolean>`${words.join(' ')} <% ${searchText}`)
      .orderBy(sql`word_similarity(${words.join(' ')}, ${searchText}) desc`)
      .limit(query.limit)
      .execute();
    return { rows: typoRows, nextCursor: null };
  }

  let page = filtered;
  if (cursor) page = page.where(afterCursor(sort, cursor, options.table));
  const rows = await page
    .orderBy(orderBy(sort, options.table))
    .limit(query.limit + 1)
    .execute();
  return pageFrom(rows, query.limit, sort);
}

function pageFrom<Row extends { id: string }>(
  rows: Row[],
  limit: number,
  sort: ReturnType<typeof parseSort>,
): Page<Row> {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  const last = page.at(-1)!;
  const value = (last as Record<string, unknown>)[sort.spec.column ?? sort.field];
  return {
    rows: page,
    nextCursor: encodeCursor({ sort: sortKey(sort), value: cursorValue(value), id: last.id }),
  };
}
