import type { Reason } from '@baken/core/duplicates/duplicate-score';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

export type RecordType = 'contact' | 'account';
export const tableOf = { contact: 'contacts', account: 'accounts' } as const;

export interface ScoredPair {
  id: string;
  a: string;
  b: string;
  score: number;
  reasons: Reason[];
  exact: boolean;
}

/**
 * Stores what a scan found in one statement per batch. A pair already known keeps its id and status:
 * an open pair gets the new score and reasons, a dismissed or merged one is left alone (a dismissal
 * holds for good).
 */
export async function upsertPairs(
  db: Kysely<DB>,
  workspaceId: string,
  recordType: RecordType,
  scanId: string,
  now: Date,
  pairs: ScoredPair[],
): Promise<void> {
  if (pairs.length === 0) return;
  await sql`
    insert into duplicate_pairs (workspace_id, id, record_type, record_a, record_b, score, reasons,
      exact, status, scan_id, found_at, updated_at)
    select ${workspaceId}, r.id, ${recordType}, r.a, r.b, r.score, r.reasons, r.exact, 'open', ${scanId},
      ${now}, ${now}
    from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb)
      as r(id uuid, a uuid, b uuid, score smallint, reasons jsonb, exact boolean)
    on conflict (workspace_id, record_type, record_a, record_b) do update
      set score = excluded.score, reasons = excluded.reasons, exact = excluded.exact,
        scan_id = excluded.scan_id,
        updated_at = case
          when (duplicate_pairs.score, duplicate_pairs.reasons, duplicate_pairs.exact)
            is distinct from (excluded.score, excluded.reasons, excluded.exact)
          then excluded.updated_at else duplicate_pairs.updated_at end
      where duplicate_pairs.status = 'open'`.execute(db);
}

/** Open pairs the latest scan no longer found: their records changed or went. */
export async function removeUnseenPairs(
  db: Kysely<DB>,
  workspaceId: string,
  recordType: RecordType,
  scanId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('duplicatePairs')
    .where('workspaceId', '=', workspaceId)
    .where('recordType', '=', recordType)
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('scanId', 'is', null), eb('scanId', '!=', scanId)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A pair is shown only while both its records exist (a merge or a delete may have removed one). */
function bothRecordsExist(workspaceId: string, table: 'contacts' | 'accounts') {
  const exists = (column: 'recordA' | 'recordB') =>
    sql<boolean>`exists (select 1 from ${sql.table(table)} r
      where r.workspace_id = ${workspaceId} and r.id = p.${sql.raw(column === 'recordA' ? 'record_a' : 'record_b')})`;
  return sql<boolean>`${exists('recordA')} and ${exists('recordB')}`;
}

const pairColumns = [
  'id',
  'recordType',
  'recordA',
  'recordB',
  'score',
  'reasons',
  'exact',
  'status',
  'mergeId',
  'foundAt',
] as const;

/**
 * One page of pairs of a type in a status, highest score first, whose two records both still
 * exist. Keyset: after (score, id) of the last row.
 */
export async function listPairs(
  db: Kysely<DB>,
  workspaceId: string,
  recordType: RecordType,
  status: 'open' | 'merged' | 'dismissed',
  after: { score: number; id: string } | null,
  limit: number,
) {
  const table = tableOf[recordType];
  let query = db
    .selectFrom('duplicatePairs as p')
    .select(pairColumns.map((column) => `p.${column}` as const))
    .where('p.workspaceId', '=', workspaceId)
    .where('p.recordType', '=', recordType)
    .where('p.status', '=', status)
    .where(bothRecordsExist(workspaceId, table));
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('p.score', '<', after.score),
        eb.and([eb('p.score', '=', after.score), eb('p.id', '>', after.id)]),
      ]),
    );
  return query.orderBy('p.score', 'desc').orderBy('p.id', 'asc').limit(limit).execute();
}

export async function recordsByIds(
  db: Kysely<DB>,
  workspaceId: string,
  recordType: RecordType,
  ids: string[],
) {
  if (ids.length === 0) return [];
  const table = tableOf[recordType];
  return (await (db as unknown as Kysely<Record<string, { workspaceId: string; id: string }>>)
    .selectFrom(table)
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('id', 'in', ids)
    .execute()) as (Record<string, unknown> & { id: string })[];
}

export function findPair(db: Kysely<DB>, workspaceId: string, id: string, forUpdate = false) {
  const query = db
    .selectFrom('duplicatePairs')
    .select(pairColumns)
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

export function findPairOf(
  db: Kysely<DB>,
  workspaceId: string,
  recordType: RecordType,
  x: string,
  y: string,
) {
  const [a, b] = x < y ? [x, y] : [y, x];
  return db
    .selectFrom('duplicatePairs')
    .select(pairColumns)
    .where('workspaceId', '=', workspaceId)
    .where('recordType', '=', recordType)
    .where('recordA', '=', a)
    .where('recordB', '=', b)
    .executeTakeFirst();
}

export async function setPairStatus(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  change: {
    status: 'open' | 'merged' | 'dismissed';
    mergeId: string | null;
    resolvedBy: string | null;
    at: Date;
  },
): Promise<void> {
  await db
    .updateTable('duplicatePairs')
    .set({
      status: change.status,
      mergeId: change.mergeId,
      resolvedBy: change.resolvedBy,
      updatedAt: change.at,
    })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export function countOpenPairs(
  db: Kysely<DB>,
  workspaceId: string,
  recordType: RecordType,
  exactOnly: boolean,
) {
  const table = tableOf[recordType];
  let query = db
    .selectFrom('duplicatePairs as p')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('p.workspaceId', '=', workspaceId)
    .where('p.recordType', '=', recordType)
    .where('p.status', '=', 'open')
    .where(bothRecordsExist(workspaceId, table));
  if (exactOnly) query = query.where('p.exact', '=', true);
  return query.executeTakeFirstOrThrow().then((row) => Number(row.count));
}

/** Open exact pairs of a type, highest score first: the bulk auto-merge works through these. */
export function exactOpenPairs(
  db: Kysely<DB>,
  workspaceId: string,
  recordType: RecordType,
  after: string | null,
  limit: number,
) {
  let query = db
    .selectFrom('duplicatePairs as p')
    .select(pairColumns.map((column) => `p.${column}` as const))
    .where('p.workspaceId', '=', workspaceId)
    .where('p.recordType', '=', recordType)
    .where('p.status', '=', 'open')
    .where('p.exact', '=', true)
    .where(bothRecordsExist(workspaceId, tableOf[recordType]));
  if (after) query = query.where('p.id', '>', after);
  return query.orderBy('p.id').limit(limit).execute();
}

// Scans

const scanColumns = [
  'id',
  'status',
  'recordTypes',
  'phase',
  'pairsFound',
  'error',
  'startedAt',
  'finishedAt',
] as const;

export function activeScan(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('duplicateScans')
    .select(scanColumns)
    .where('workspaceId', '=', workspaceId)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
}

export function latestScan(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('duplicateScans')
    .select(scanColumns)
    .where('workspaceId', '=', workspaceId)
    .orderBy('startedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function insertScan(
  db: Kysely<DB>,
  row: { workspaceId: string; id: string; recordTypes: RecordType[]; requestedBy: string; startedAt: Date },
) {
  return db
    .insertInto('duplicateScans')
    .values({ ...row, status: 'queued', phase: null, pairsFound: null, error: null, finishedAt: null })
    .returning(scanColumns)
    .executeTakeFirstOrThrow();
}

export async function updateScan(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  patch: {
    status?: 'queued' | 'running' | 'done' | 'failed';
    phase?: string | null;
    pairsFound?: number;
    error?: string | null;
    finishedAt?: Date;
  },
): Promise<void> {
  await db
    .updateTable('duplicateScans')
    .set(patch)
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export function findScan(db: Kysely<DB>, workspaceId: string, id: string) {
  return db
    .selectFrom('duplicateScans')
    .select(scanColumns)
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}
