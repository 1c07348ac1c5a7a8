import type { AccountCheck, ContactCheck, PairsQuery } from '@baken/core/duplicates/duplicate.schema';
import { MIN_SCORE, type Reason, scoreAccounts, scoreContacts } from '@baken/core/duplicates/duplicate-score';
import { domainKey, emailKey, kvkKey, phoneKey } from '@baken/core/duplicates/match-keys';
import { canWrite } from '@baken/core/platform/roles';
import { domainFromWebsite } from '@baken/core/validation/domain';
import type { Kysely } from 'kysely';
import { audit } from '../platform/audit/audit.ts';
import type { RequestContext } from '../platform/context.ts';
import type { DB } from '../platform/db/schema.ts';
import { AppError, invalidField, notFound } from '../platform/errors.ts';
import { enqueue } from '../platform/jobs/jobs.ts';
import { assertCanWrite } from '../platform/records/record-writes.ts';
import { accountMatches, contactMatches, withoutJit } from './duplicate-check.repository.ts';
import { duplicateScanJob } from './duplicate-scan.job.ts';
import {
  activeScan,
  countOpenPairs as countPairs,
  findPair,
  insertScan,
  latestScan,
  listPairs,
  type RecordType,
  recordsByIds,
  setPairStatus,
} from './duplicates.repository.ts';

// Scans

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === '23505';

/**
 * Queues a full scan as a background job (one at a time per workspace). Any role that may change
 * records may ask for one: a scan only proposes pairs.
 */
export async function startScan(ctx: RequestContext, recordTypes: RecordType[] = ['contact', 'account']) {
  assertCanWrite(ctx);
  const { workspaceId } = ctx.actor;
  const running = () =>
    new AppError(
      'conflict',
      'A duplicate scan is already queued or running; follow it at GET /duplicates/scan.',
    );
  if (await activeScan(ctx.db, workspaceId)) throw running();
  try {
    return await ctx.db.transaction().execute((trx) => queueScan(ctx, trx, recordTypes));
  } catch (error) {
    if (isUniqueViolation(error)) throw running();
    throw error;
  }
}

async function queueScan(ctx: RequestContext, trx: Kysely<DB>, recordTypes: RecordType[]) {
  const { workspaceId, userId } = ctx.actor;
  const scan = await insertScan(trx, {
    workspaceId,
    id: ctx.newId(),
    recordTypes: [...new Set(recordTypes)],
    requestedBy: userId,
    startedAt: ctx.now(),
  });
  await enqueue(trx, duplicateScanJob, { workspaceId, scanId: scan.id }, { key: scan.id });
  await audit(ctx, trx, 'create', 'duplicate_scan', scan.id, { recordTypes: scan.recordTypes });
  return scan;
}

/**
 * An import flags likely duplicates among what it wrote: it queues a scan of its record type in
 * the transaction that completes it (the review page then lists the pairs). A scan already queued
 * or running is left to find them.
 */
export async function scanAfterImport(ctx: RequestContext, trx: Kysely<DB>, recordType: RecordType) {
  if (await activeScan(trx, ctx.actor.workspaceId)) return null;
  return queueScan(ctx, trx, [recordType]);
}

export async function currentScan(ctx: RequestContext) {
  return (await latestScan(ctx.db, ctx.actor.workspaceId)) ?? null;
}

// Pairs

const encodeCursor = (score: number, id: string) =>
  Buffer.from(JSON.stringify([score, id])).toString('base64url');

function decodeCursor(cursor: string): { score: number; id: string } {
  try {
    const [score, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof score === 'number' &&
      Number.isInteger(score) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/.test(id)
    )
      return { score, id };
  } catch {}
  throw invalidField('cursor', 'This cursor is not valid: use the nextCursor of a previous page.');
}

/** A page of pairs with both records in full, for the review list. */
export async function pairsOf(ctx: RequestContext, recordType: RecordType, query: PairsQuery) {
  const { workspaceId } = ctx.actor;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await listPairs(ctx.db, workspaceId, recordType, query.status, after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const records = await recordsByIds(
    ctx.db,
    workspaceId,
    recordType,
    page.flatMap((pair) => [pair.recordA, pair.recordB]),
  );
  const byId = new Map(records.map((record) => [record.id, record]));
  const last = page.at(-1);
  return {
    data: page.map((pair) => ({
      ...pair,
      foundAt: pair.foundAt.toISOString(),
      a: byId.get(pair.recordA)!,
      b: byId.get(pair.recordB)!,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.score, last.id) : null,
  };
}

/** "Not the same": the pair leaves the review list and no later scan proposes it again. */
export async function dismissPair(ctx: RequestContext, id: string) {
  assertCanWrite(ctx);
  const { workspaceId, userId } = ctx.actor;
  return ctx.db.transaction().execute(async (trx) => {
    const pair = await findPair(trx, workspaceId, id, true);
    if (!pair) throw notFound('Duplicate pair');
    if (pair.status !== 'open') throw new AppError('conflict', `This pair is ${pair.status} already.`);
    await setPairStatus(trx, workspaceId, id, {
      status: 'dismissed',
      mergeId: null,
      resolvedBy: userId,
      at: ctx.now(),
    });
    await audit(ctx, trx, 'update', 'duplicate_pair', id, { status: { from: 'open', to: 'dismissed' } });
    return { ...pair, status: 'dismissed' as const, foundAt: pair.foundAt.toISOString() };
  });
}

// Checks before saving, and for import batches

export interface LikelyDuplicate {
  id: string;
  score: number;
  reasons: Reason[];
  exact: boolean;
}

const MATCHES_PER_RECORD = 5;

function best<T extends { i: number; id: string }>(
  count: number,
  matches: T[],
  verdict: (match: T) => { score: number; reasons: Reason[]; exact: boolean },
): LikelyDuplicate[][] {
  const found: LikelyDuplicate[][] = Array.from({ length: count }, () => []);
  for (const match of matches) {
    const { score, reasons, exact } = verdict(match);
    if (score >= MIN_SCORE) found[match.i]!.push({ id: match.id, score, reasons, exact });
  }
  return found.map((list) => list.sort((x, y) => y.score - x.score).slice(0, MATCHES_PER_RECORD));
}

/**
 * For each contact of a batch (a form, a chunk of an import), the existing contacts that look like
 * it, best first: same email key, same phone, or a similar name at the same company. One statement
 * per batch; the import flags its rows with this.
 */
export async function likelyContactDuplicates(
  db: Kysely<DB>,
  workspaceId: string,
  batch: ContactCheck[],
): Promise<LikelyDuplicate[][]> {
  if (batch.length === 0) return [];
  const candidates = batch.map((contact, i) => ({
    i,
    emailKey: emailKey(contact.email),
    phoneKeys: [phoneKey(contact.phone), phoneKey(contact.mobile)].filter(
      (key): key is string => key !== null,
    ),
    accountId: contact.accountId ?? null,
    firstName: contact.firstName ?? null,
    lastName: contact.lastName ?? null,
  }));
  const matches = await withoutJit(db, (trx) => contactMatches(trx, workspaceId, candidates));
  return best(batch.length, matches, scoreContacts);
}

/** For each account of a batch, the existing accounts that look like it: same domain, KvK or name. */
export async function likelyAccountDuplicates(
  db: Kysely<DB>,
  workspaceId: string,
  batch: AccountCheck[],
): Promise<LikelyDuplicate[][]> {
  if (batch.length === 0) return [];
  const candidates = batch.map((account, i) => ({
    i,
    domain:
      domainKey(domainFromWebsite(account.domain ?? '')) ??
      domainKey(domainFromWebsite(account.website ?? '')),
    kvk: kvkKey(account.kvkNumber),
    name: account.name ?? null,
    city: account.city ?? null,
  }));
  const matches = await withoutJit(db, (trx) => accountMatches(trx, workspaceId, candidates));
  return best(batch.length, matches, scoreAccounts);
}

async function withRecords(ctx: RequestContext, recordType: RecordType, matches: LikelyDuplicate[]) {
  const records = await recordsByIds(
    ctx.db,
    ctx.actor.workspaceId,
    recordType,
    matches.map((match) => match.id),
  );
  const byId = new Map(records.map((record) => [record.id, record]));
  return {
    data: matches
      .filter((match) => byId.has(match.id))
      .map(({ score, reasons, exact, id }) => ({ score, reasons, exact, record: byId.get(id)! })),
  };
}

export async function checkContact(ctx: RequestContext, input: ContactCheck) {
  const [matches] = await likelyContactDuplicates(ctx.db, ctx.actor.workspaceId, [input]);
  return withRecords(ctx, 'contact', matches ?? []);
}

export async function checkAccount(ctx: RequestContext, input: AccountCheck) {
  const [matches] = await likelyAccountDuplicates(ctx.db, ctx.actor.workspaceId, [input]);
  return withRecords(ctx, 'account', matches ?? []);
}

// Bulk auto-merge of exact pairs

/** Open pairs of a type whose records both exist (data health shows the count). */
export function countOpenPairs(ctx: RequestContext, recordType: RecordType) {
  return countPairs(ctx.db, ctx.actor.workspaceId, recordType, false);
}

export async function autoMergePreview(ctx: RequestContext, recordType: RecordType) {
  return { recordType, count: await countPairs(ctx.db, ctx.actor.workspaceId, recordType, true) };
}

export function canReview(ctx: RequestContext): boolean {
  return canWrite(ctx.actor.role);
}
