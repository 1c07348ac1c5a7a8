import type { Cursor, Sort } from '@baken/core/records/list-query';
import {
  type Compilable,
  CompiledQuery,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import { afterCursor, cursorValue, orderBy, orderByWithoutIndex, wholeOrder } from '../db/list-query.ts';
import type { DB, SearchWordTable } from '../db/schema.ts';

/** Where `q` searches: the records of one type in one workspace, and the handle to query with. */
export interface SearchScope {
  db: Kysely<DB>;
  workspaceId: string;
  recordType: SearchWordTable['recordType'];
}

type Base<Row> = SelectQueryBuilder<DB, keyof DB, Row>;

/**
 * The most rows a search tests one by one in sort order before it reads its matches through the
 * full-text index instead. Testing a row (parse its text, compare) costs about as much as fetching
 * a match found through the index, and at a million contacts 10,000 of either take tens of ms.
 */
const MAX_WALKED_ROWS = 10_000;

/**
 * Typed words shorter than this are not corrected: too few trigrams to tell a typo from another word.
 * The dictionary keeps only words of this length or more, without digits (migration 0012).
 */
const MIN_TYPO_LENGTH = 4;
/** Similar words taken per typed word: the most similar, and up to four scoring within the margin of it. */
const MAX_ALTERNATIVES = 5;
const ALTERNATIVE_SCORE_MARGIN = 0.05;

/** Typed words shorter than this are left out of what the full-text index reads, when longer ones are there. */
const MIN_INDEXED_LENGTH = 3;

/**
 * A search as the database runs it: the full-text query every row must match, and the part of it
 * the full-text index reads to find them.
 */
export interface SearchQuery {
  all: string;
  indexed: string;
}

/**
 * `bakk jan` -> `bakk:* & jan:*`: every word, as the start of a word of the record. A word of one or
 * two letters beside longer ones (`joelle.v`, `p jansen`) is only checked on the rows the longer
 * words find: as a prefix it matches a good part of every word the index holds (`v:*` reads 530,000
 * entries at a million contacts) and narrows nothing the longer words have not already narrowed.
 */
export function prefixQuery(words: string[]): SearchQuery {
  const tsquery = (list: string[]) => list.map((word) => `${word}:*`).join(' & ');
  const long = words.filter((word) => [...word].length >= MIN_INDEXED_LENGTH);
  return { all: tsquery(words), indexed: tsquery(long.length > 0 ? long : words) };
}

/** A full-text query the index reads as a whole (a corrected one, say). */
export const wholeQuery = (tsquery: string): SearchQuery => ({ all: tsquery, indexed: tsquery });

const matchesAll = (searchText: RawBuilder<unknown>, query: SearchQuery) =>
  sql<SqlBool>`to_tsvector('simple', ${searchText}) @@ to_tsquery('simple', ${query.all})`;

/** Every word must match; the index reads the `indexed` ones. */
const matchesIndexed = (searchText: RawBuilder<unknown>, query: SearchQuery) =>
  query.indexed === query.all
    ? matchesAll(searchText, query)
    : // ts_match_vq is what @@ calls; as a function call the planner never takes it to the index.
      sql<SqlBool>`to_tsvector('simple', ${searchText}) @@ to_tsquery('simple', ${query.indexed})
        and ts_match_vq(to_tsvector('simple', ${searchText}), to_tsquery('simple', ${query.all}))`;

/**
 * Up to `count` rows matching the full-text `query`, after the cursor, in the sort order.
 *
 * A page of matches is found one of two ways: walk the sort index and test each row until the page
 * is full, or fetch every match through the full-text index and sort them. Left to itself the
 * planner walks whenever it expects matches to be common, as if they were spread evenly over the
 * order; but people search for the column they sort by (a surname in a list sorted by surname), so
 * the matches sit together far down the order: "vermeulen" walked 88,000 contacts, over a second at
 * a million. Here the walk is bounded: it is tried only when the planner's estimates say a page lies
 * within MAX_WALKED_ROWS, for at most twice the rows that should take, and what it has not found by
 * then is fetched through the full-text index.
 */
export async function matchingRows<Row extends { id: string }>(
  db: Kysely<DB>,
  filtered: Base<Row>,
  query: SearchQuery,
  sort: Sort,
  cursor: Cursor | null,
  count: number,
  table: string,
  rowsToWalk: WalkLength = walkLength,
): Promise<Row[]> {
  const rows: Row[] = [];
  const ranges = cursor ? afterCursor(sort, cursor, table) : wholeOrder(sort, table);
  for (const range of ranges) {
    const inRange = filtered.where(range);
    const match = matchesAll(sql.ref(`${table}.searchText`), query);
    const wanted = count - rows.length;
    const walk = await rowsToWalk(db, inRange, match, wanted);
    rows.push(...(await matchingInRange(db, inRange, query, sort, wanted, table, walk)));
    if (rows.length >= count) break;
  }
  return rows;
}

/** How many rows of a range to test in sort order before reading the rest of its matches through the full-text index. */
export type WalkLength = <Row>(
  db: Kysely<DB>,
  inRange: Base<Row>,
  match: RawBuilder<SqlBool>,
  count: number,
) => Promise<number>;

/** Twice the rows the planner expects a page to take, or 0 (the index at once) past MAX_WALKED_ROWS. */
async function walkLength<Row>(
  db: Kysely<DB>,
  inRange: Base<Row>,
  match: RawBuilder<SqlBool>,
  count: number,
): Promise<number> {
  const { matched, rows } = await estimatedRows(db, inRange, match);
  const walk = Math.ceil((2 * count * rows) / Math.max(matched, 1));
  return walk <= MAX_WALKED_ROWS ? walk : 0;
}

/** The planner's estimates (EXPLAIN, nothing executed) of the rows in the range and those matching. */
async function estimatedRows<Row>(
  db: Kysely<DB>,
  inRange: Base<Row>,
  match: RawBuilder<SqlBool>,
): Promise<{ matched: number; rows: number }> {
  const all = inRange.clearSelect().select(sql<number>`1`.as('one'));
  const [matched, rows] = await Promise.all([planRows(db, all.where(match)), planRows(db, all)]);
  return { matched, rows };
}

async function planRows(db: Kysely<DB>, query: Compilable): Promise<number> {
  const { sql: text, parameters } = query.compile();
  // The top node's estimate is the query's total, also above parallel workers (Gather).
  const result = await db
    .withoutPlugins()
    .executeQuery<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
      CompiledQuery.raw(`explain (format json) ${text}`, [...parameters]),
    );
  return result.rows[0]!['QUERY PLAN'][0].Plan['Plan Rows'];
}

async function matchingInRange<Row extends { id: string }>(
  db: Kysely<DB>,
  inRange: Base<Row>,
  query: SearchQuery,
  sort: Sort,
  count: number,
  table: string,
  walk: number,
): Promise<Row[]> {
  let walked: Row[] = [];
  let rest = inRange;
  if (walk > 0) {
    const ordered = inRange.orderBy(orderBy(sort, table));
    // A subquery with a limit is never flattened: the sort index is read for `walk` rows at most.
    walked = (await db
      .selectFrom(ordered.limit(walk).as('walked'))
      .selectAll()
      .where(matchesAll(sql.ref('walked.searchText'), query))
      .orderBy(orderBy(sort, 'walked'))
      .limit(count)
      .execute()) as unknown as Row[];
    if (walked.length >= count) return walked;
    const last = await ordered
      .offset(walk - 1)
      .limit(1)
      .executeTakeFirst();
    if (!last) return walked;
    // The first range after the last walked row is the rest of this range (see afterCursor).
    const value = (last as Record<string, unknown>)[sort.spec.column ?? sort.field];
    const [afterLast] = afterCursor(sort, { sort: '', value: cursorValue(value), id: last.id }, table);
    rest = inRange.where(afterLast!);
  }
  const found = await rest
    .where(matchesIndexed(sql.ref(`${table}.searchText`), query))
    .orderBy(orderByWithoutIndex(sort, table))
    .limit(count - walked.length)
    .execute();
  return [...walked, ...found];
}

interface SimilarWord {
  typed: string;
  /** Whether some word of the dictionary starts with the typed word. */
  known: boolean;
  word: string | null;
  score: number | null;
}

/**
 * The full-text query a typo search runs once the words as typed found nothing: each typed word
 * that starts no word of these records (or, when each does, every typed word) may also be one of the
 * most similar words of the workspace's dictionary (`search_words`, trigram similarity), e.g.
 * `bakerij jan` -> `(bakerij:* | bakkerij) & jan:*`. Null when there is no similar word to try.
 */
export async function typoQuery(scope: SearchScope, words: string[]): Promise<SearchQuery | null> {
  const long = [...new Set(words.filter((word) => [...word].length >= MIN_TYPO_LENGTH))];
  if (long.length === 0) return null;
  const similar = await similarWords(scope, long);
  const unknown = long.filter((word) => !similar.some((row) => row.typed === word && row.known));
  const corrected = unknown.length > 0 ? unknown : long;
  const alternatives = new Map<string, string[]>();
  for (const word of corrected) {
    const candidates = similar.filter((row) => row.typed === word && row.word !== null);
    const best = Math.max(...candidates.map((row) => row.score ?? 0));
    const chosen = candidates
      .filter((row) => (row.score ?? 0) >= best - ALTERNATIVE_SCORE_MARGIN)
      .map((row) => row.word!)
      // Lexemes of the 'simple' parser; anything else would need quoting in a tsquery.
      .filter((alternative) => /^[\p{L}\p{N}]+$/u.test(alternative))
      .slice(0, MAX_ALTERNATIVES);
    if (chosen.length > 0) alternatives.set(word, chosen);
  }
  if (alternatives.size === 0) return null;
  return wholeQuery(
    words
      .map((word) => {
        const chosen = alternatives.get(word);
        return chosen ? `(${[`${word}:*`, ...chosen].join(' | ')})` : `${word}:*`;
      })
      .join(' & '),
  );
}

/**
 * For each typed word: whether the dictionary has words starting with it, and its most similar
 * words that do not (`%`: similar as a whole, `<%`: similar to a part, at pg_trgm's default
 * thresholds of 0.3 and 0.6), through the trigram index on the dictionary.
 */
async function similarWords(scope: SearchScope, typed: string[]): Promise<SimilarWord[]> {
  const { workspaceId, recordType } = scope;
  const startsWith = (word: RawBuilder<unknown>, prefix: RawBuilder<unknown>) =>
    sql`(${word} >= ${prefix} collate "C" and ${word} < (${prefix} || chr(1114111)) collate "C")`;
  const typedWord = sql.ref('t.word');
  const result = await sql<SimilarWord>`
    select t.word as typed,
      exists (
        select 1 from search_words p
        where p.workspace_id = ${workspaceId} and p.record_type = ${recordType}
          and ${startsWith(sql.ref('p.word'), typedWord)}
      ) as known,
      c.word, c.score
    from unnest(${typed}::text[]) as t(word)
    left join lateral (
      select s.word, greatest(similarity(t.word, s.word), word_similarity(t.word, s.word)) as score
      -- The fence (offset 0) keeps the planner on the trigram index: with the workspace and record
      -- type in reach it walked all 100,000 account words of the workspace through the primary key.
      from (
        select * from search_words s where t.word % s.word or t.word <% s.word offset 0
      ) s
      where s.workspace_id = ${workspaceId} and s.record_type = ${recordType}
        and not ${startsWith(sql.ref('s.word'), typedWord)}
      order by score desc, s.word
      limit ${MAX_ALTERNATIVES * 2}
    ) c on true`.execute(scope.db);
  return result.rows;
}
