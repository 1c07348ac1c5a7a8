import type { MergeInput } from '@baken/core/duplicates/duplicate.schema';
import { filledCount, mergedValues, unknownChoices } from '@baken/core/duplicates/merge-fields';
import { fieldChanges } from '@baken/core/records/changes';
import type { Kysely } from 'kysely';
import { audit } from '../platform/audit/audit.ts';
import type { RequestContext } from '../platform/context.ts';
import type { DB } from '../platform/db/schema.ts';
import { AppError, invalidField, notFound } from '../platform/errors.ts';
import { assertCanChange, assertCanWrite } from '../platform/records/record-writes.ts';
import {
  countOpenPairs,
  exactOpenPairs,
  findPairOf,
  type RecordType,
  setPairStatus,
} from './duplicates.repository.ts';
import { relationMovers } from './merge-relations.repository.ts';
import {
  deleteRecord,
  findMerge,
  insertMerge,
  insertSnapshot,
  lockRecords,
  markUndone,
  readRecords,
  reopenPairOfMerge,
  restoreSnapshot,
  updateRecord,
} from './merges.repository.ts';

const labelOf = { contact: 'Contact', account: 'Account' } as const;

type Row = Record<string, unknown> & { id: string; ownerId: string | null; updatedAt: Date };
type MergeRow = NonNullable<Awaited<ReturnType<typeof findMerge>>>;

/** What the API shows of a merge (the kept snapshots stay inside). */
function mergeOut(merge: MergeRow, counts?: Record<string, number>) {
  return {
    id: merge.id,
    recordType: merge.recordType,
    survivorId: merge.survivorId,
    mergedId: merge.mergedId,
    status: merge.status,
    moved: counts ?? movedCounts(merge.moved),
    mergedAt: merge.mergedAt.toISOString(),
    undoneAt: merge.undoneAt?.toISOString() ?? null,
  };
}

function movedCounts(moved: Record<string, unknown>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, undo] of Object.entries(moved)) {
    const value = undo as { ids?: unknown[]; moved?: unknown[]; dropped?: unknown[] };
    counts[name] = (value.ids?.length ?? 0) + (value.moved?.length ?? 0) + (value.dropped?.length ?? 0);
  }
  return counts;
}

/** A record as the audit log keeps it: its fields without the workspace and the search column. */
function auditSnapshot(row: Row): Record<string, unknown> {
  const { workspaceId: _workspace, searchText: _search, ...fields } = row;
  return fields;
}

/** One instant for every time a write stamps. */
function atOneInstant(ctx: RequestContext): RequestContext {
  const now = ctx.now();
  return { ...ctx, now: () => now };
}

/**
 * Merges `mergedId` into `survivorId` in one transaction: every related record moves to the
 * survivor, the survivor takes the chosen values (tags joined), the other record is deleted, and the
 * merge is kept with both records as they were so that it can be undone. Both records must be ones
 * the user may change.
 */
export async function mergeRecords(requestCtx: RequestContext, recordType: RecordType, input: MergeInput) {
  const ctx = atOneInstant(requestCtx);
  assertCanWrite(ctx);
  const { survivorId, mergedId } = input;
  if (survivorId === mergedId) throw invalidField('mergedId', 'A record cannot be merged with itself.');
  const unknown = unknownChoices(recordType, input);
  if (unknown.length > 0)
    throw invalidField(
      'fields',
      `Unknown field ${unknown.join(', ')}; choose per field of the ${recordType}.`,
    );
  const { workspaceId, userId } = ctx.actor;
  return ctx.db.transaction().execute(async (trx) => {
    const [survivor, merged] = await lockRecords(trx, workspaceId, recordType, [survivorId, mergedId]);
    if (!survivor || !merged) throw notFound(labelOf[recordType]);
    for (const { row } of [survivor, merged]) assertCanChange(ctx, row.ownerId as string | null, recordType);
    const values = mergedValues(recordType, survivor.row, merged.row, input);
    const changes = fieldChanges(survivor.row, values);
    const moved: Record<string, unknown> = {};
    const counts: Record<string, number> = {};
    for (const mover of relationMovers[recordType]) {
      const result = await mover.move(trx, workspaceId, survivorId, mergedId, Object.keys(changes));
      moved[mover.name] = result.undo;
      counts[mover.name] = result.count;
    }
    // The merged record goes first: the survivor may take its email address, which is unique.
    await deleteRecord(trx, workspaceId, recordType, mergedId);
    const patch = Object.fromEntries(Object.keys(changes).map((field) => [field, values[field]]));
    const after = await updateRecord(trx, workspaceId, recordType, survivorId, {
      ...patch,
      updatedAt: ctx.now(),
    });
    const merge = await insertMerge(trx, {
      workspaceId,
      id: ctx.newId(),
      recordType,
      survivorId,
      mergedId,
      survivorBefore: survivor.snapshot,
      mergedBefore: merged.snapshot,
      survivorAfterUpdatedAt: after.updatedAt,
      moved,
      mergedAt: ctx.now(),
      mergedBy: userId,
    });
    const pair = await findPairOf(trx, workspaceId, recordType, survivorId, mergedId);
    if (pair && pair.status !== 'merged')
      await setPairStatus(trx, workspaceId, pair.id, {
        status: 'merged',
        mergeId: merge.id,
        resolvedBy: userId,
        at: ctx.now(),
      });
    await audit(ctx, trx, 'update', recordType, survivorId, {
      ...changes,
      merge: {
        from: null,
        to: {
          id: merge.id,
          mergedId,
          moved: counts,
          survivorBefore: auditSnapshot(survivor.row as Row),
          mergedBefore: auditSnapshot(merged.row as Row),
        },
      },
    });
    await audit(ctx, trx, 'delete', recordType, mergedId, {
      ...auditSnapshot(merged.row as Row),
      mergedInto: survivorId,
      mergeId: merge.id,
    });
    return { merge: mergeOut(merge, counts), survivor: after };
  });
}

export async function mergeOf(ctx: RequestContext, id: string) {
  const merge = await findMerge(ctx.db, ctx.actor.workspaceId, id);
  if (!merge) throw notFound('Merge');
  return mergeOut(merge);
}

/** Why a merge cannot be undone any more, checked before anything is written. */
async function undoBlocker(trx: Kysely<DB>, ctx: RequestContext, merge: MergeRow): Promise<string | null> {
  const { workspaceId } = ctx.actor;
  const label = merge.recordType;
  const [survivor] = (await lockRecords(trx, workspaceId, merge.recordType, [merge.survivorId])) as [
    { row: Row } | null,
  ];
  if (!survivor) return `The ${label} that was kept has been deleted or merged since.`;
  if (survivor.row.updatedAt.getTime() !== merge.survivorAfterUpdatedAt.getTime())
    return `The ${label} that was kept was changed after the merge; undo would throw that change away. Undo later merges and changes first, or edit the records by hand.`;
  assertCanChange(ctx, survivor.row.ownerId, label);
  assertCanChange(ctx, (merge.mergedBefore.owner_id as string | null) ?? null, label);
  if ((await readRecords(trx, workspaceId, merge.recordType, [merge.mergedId])).length > 0)
    return `The merged ${label} exists again.`;
  for (const mover of relationMovers[merge.recordType]) {
    const undo = merge.moved[mover.name];
    if (undo === undefined) continue;
    const blocker = await mover.blocker(trx, workspaceId, merge.survivorId, undo);
    if (blocker) return `Undo is not possible: ${blocker}.`;
  }
  return null;
}

/**
 * Puts both records back exactly as they were before the merge, with every related record the merge
 * moved. Refused (409) once the kept record was changed after the merge, or when moved records were
 * changed since: undo then would silently throw work away.
 */
export async function undoMerge(requestCtx: RequestContext, id: string) {
  const ctx = atOneInstant(requestCtx);
  assertCanWrite(ctx);
  const { workspaceId, userId } = ctx.actor;
  return ctx.db.transaction().execute(async (trx) => {
    const merge = await findMerge(trx, workspaceId, id, true);
    if (!merge) throw notFound('Merge');
    if (merge.status === 'undone') throw new AppError('conflict', 'This merge was undone already.');
    const blocker = await undoBlocker(trx, ctx, merge);
    if (blocker) throw new AppError('conflict', blocker);
    const { recordType, survivorId, mergedId } = merge;
    const [current] = await readRecords(trx, workspaceId, recordType, [survivorId]);
    await restoreSnapshot(trx, workspaceId, recordType, survivorId, merge.survivorBefore);
    await insertSnapshot(trx, recordType, merge.mergedBefore);
    for (const mover of [...relationMovers[recordType]].reverse()) {
      const undo = merge.moved[mover.name];
      if (undo !== undefined) await mover.restore(trx, workspaceId, survivorId, mergedId, undo);
    }
    const undone = await markUndone(trx, workspaceId, id, ctx.now(), userId);
    await reopenPairOfMerge(trx, workspaceId, id, ctx.now());
    const rows = await readRecords(trx, workspaceId, recordType, [survivorId, mergedId]);
    const restoredSurvivor = rows.find((row) => row.id === survivorId)!;
    const restored = rows.find((row) => row.id === mergedId)!;
    const { updatedAt: _updated, ...back } = fieldChanges(current!, restoredSurvivor);
    await audit(ctx, trx, 'update', recordType, survivorId, { ...back, mergeUndone: { from: id, to: null } });
    await audit(ctx, trx, 'create', recordType, mergedId, {
      ...auditSnapshot(restored),
      restoredFromMerge: id,
    });
    return mergeOut(undone);
  });
}

/** The record a bulk merge keeps: the one with more fields filled in, else the older one. */
function survivorOf(recordType: RecordType, a: Row, b: Row): [Row, Row] {
  const [fa, fb] = [filledCount(recordType, a), filledCount(recordType, b)];
  if (fa !== fb) return fa > fb ? [a, b] : [b, a];
  return (a.createdAt as Date) <= (b.createdAt as Date) ? [a, b] : [b, a];
}

/**
 * Merges up to `limit` open exact pairs (same KvK or domain; same email key, or same phone and name),
 * each in its own transaction so each can be undone on its own, keeping the fuller record and the
 * fuller value of every field. Pairs the user may not change, or whose records changed meanwhile,
 * are skipped and stay open.
 */
export async function autoMerge(ctx: RequestContext, recordType: RecordType, limit: number) {
  assertCanWrite(ctx);
  const { workspaceId } = ctx.actor;
  const mergeIds: string[] = [];
  let skipped = 0;
  let after: string | null = null;
  while (mergeIds.length + skipped < limit) {
    const pairs = await exactOpenPairs(ctx.db, workspaceId, recordType, after, Math.min(50, limit));
    if (pairs.length === 0) break;
    for (const pair of pairs) {
      after = pair.id;
      if (mergeIds.length + skipped >= limit) break;
      const rows = await readRecords(ctx.db, workspaceId, recordType, [pair.recordA, pair.recordB]);
      if (rows.length < 2) {
        skipped++;
        continue;
      }
      const [survivor, merged] = survivorOf(recordType, rows[0]!, rows[1]!);
      try {
        const { merge } = await mergeRecords(ctx, recordType, {
          survivorId: survivor.id,
          mergedId: merged.id,
        });
        mergeIds.push(merge.id);
      } catch (error) {
        if (!(error instanceof AppError) || !['forbidden', 'not_found', 'conflict'].includes(error.kind))
          throw error;
        skipped++;
      }
    }
  }
  const remaining = await countOpenPairs(ctx.db, workspaceId, recordType, true);
  // The run itself is on record too, also when it found nothing to merge (each merge has its own rows).
  await audit(ctx, ctx.db, 'create', 'duplicate_auto_merge', ctx.newId(), {
    recordType,
    merged: mergeIds.length,
    skipped,
    mergeIds,
  });
  return { merged: mergeIds.length, skipped, remaining, mergeIds };
}
