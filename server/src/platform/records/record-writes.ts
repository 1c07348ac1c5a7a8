import type { RecordType } from '@baken/core/custom-fields/custom-field.schema';
import { mergeCustomValues } from '@baken/core/custom-fields/custom-field-values';
import { canChangeRecord, canWrite } from '@baken/core/platform/roles';
import { fieldChanges } from '@baken/core/records/changes';
import type { Kysely } from 'kysely';
import { definitionsOf } from '../../custom-fields/custom-fields.service.ts';
import { ensureTags } from '../../tags/tags.service.ts';
import { auditRow } from '../audit/audit.ts';
import type { RequestContext } from '../context.ts';
import { isStalePlan } from '../db/prepared-statements.ts';
import type { DB } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';

type Row = { id: string; ownerId: string | null; custom: Record<string, unknown> } & Record<string, unknown>;
type Patch = Record<string, unknown>;

/** A row to insert in the same statement as a record's write (its audit row, a stage change). */
export interface RowInsert {
  table: keyof DB & string;
  values: Patch;
}

/** How a feature stores one kind of record; the rest of a write (rights, tags, custom, audit) is shared. */
export interface RecordStore<R extends Row> {
  entityType: RecordType;
  label: string;
  find(db: Kysely<DB>, workspaceId: string, id: string, forUpdate?: boolean): Promise<R | undefined>;
  insert(db: Kysely<DB>, values: Patch, alongside?: RowInsert[]): Promise<R>;
  update(db: Kysely<DB>, workspaceId: string, id: string, patch: Patch, alongside?: RowInsert[]): Promise<R>;
  remove(db: Kysely<DB>, workspaceId: string, id: string, alongside?: RowInsert[]): Promise<void>;
}

export interface WriteHooks<R extends Row> {
  /** Feature rules run inside the transaction; may add fields to the values written. */
  prepare?(ctx: RequestContext, trx: Kysely<DB>, values: Patch, before: R | null): Promise<Patch>;
  /**
   * Rows the write adds elsewhere (e.g. a deal's stage history), written in the same statement as the
   * record and its audit row. `values` are the fields written, `id` the record's.
   */
  alongside?(ctx: RequestContext, id: string, values: Patch, before: R | null): RowInsert[];
}

export function assertCanWrite(ctx: RequestContext): void {
  if (!canWrite(ctx.actor.role)) throw new AppError('forbidden', 'Your role (viewer) can only read.');
}

export function assertCanChange(ctx: RequestContext, ownerId: string | null, label: string): void {
  if (!canChangeRecord(ctx.actor.role, ctx.actor.userId, ownerId)) {
    throw new AppError(
      'forbidden',
      ctx.actor.role === 'viewer'
        ? 'Your role (viewer) can only read.'
        : `You can only change ${label}s you own; ask a manager to change this one.`,
    );
  }
}

async function sharedValues(
  ctx: RequestContext,
  trx: Kysely<DB>,
  store: RecordStore<Row>,
  input: Patch,
  before: Row | null,
) {
  const { tags, custom, ...rest } = input;
  const values: Patch = { ...rest };
  if (tags !== undefined) values.tags = await ensureTags(ctx, trx, tags as string[]);
  if (custom !== undefined || before === null) {
    const definitions = await definitionsOf(ctx, trx, store.entityType);
    values.custom = mergeCustomValues(
      definitions,
      before?.custom ?? {},
      custom as Record<string, unknown> | undefined,
    );
  }
  return values;
}

function forStorage(values: Patch): Patch {
  return 'custom' in values ? { ...values, custom: JSON.stringify(values.custom) } : values;
}

/**
 * Runs a write in a transaction, and once more if a prepared statement went stale under it: another
 * app server's migration changed the table (see prepared-statements.ts), which fails the first
 * attempt before anything was written.
 */
async function inTransaction<T>(ctx: RequestContext, write: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction().execute(write);
  } catch (error) {
    if (!isStalePlan(error)) throw error;
    return ctx.db.transaction().execute(write);
  }
}

/** One instant for every time a write stamps (createdAt, occurredAt, stage entry, audit row). */
function atOneInstant(ctx: RequestContext): RequestContext {
  const now = ctx.now();
  return { ...ctx, now: () => now };
}

/** The sales development rep who sourced a deal goes on changing it beside its owner. */
const changingOwner = (ctx: RequestContext, row: Row) =>
  row.sdrId === ctx.actor.userId ? ctx.actor.userId : row.ownerId;

export async function createRecord<R extends Row>(
  requestCtx: RequestContext,
  store: RecordStore<R>,
  input: Patch,
  hooks: WriteHooks<R> = {},
): Promise<R> {
  const ctx = atOneInstant(requestCtx);
  assertCanWrite(ctx);
  return inTransaction(ctx, async (trx) => {
    let values = await sharedValues(ctx, trx, store as unknown as RecordStore<Row>, input, null);
    if (values.ownerId === undefined) values.ownerId = ctx.actor.userId;
    if (hooks.prepare) values = await hooks.prepare(ctx, trx, values, null);
    // Stamped from the clock, not the column default: now() has microseconds, which a list cursor
    // (a JavaScript Date, milliseconds) cannot carry, so paging by createdAt would repeat rows.
    const now = ctx.now();
    const id = ctx.newId();
    const alongside = hooks.alongside?.(ctx, id, values, null) ?? [];
    return store.insert(
      trx,
      { ...forStorage(values), workspaceId: ctx.actor.workspaceId, id, createdAt: now, updatedAt: now },
      [...alongside, auditRow(ctx, 'create', store.entityType, id, values)],
    );
  });
}

export async function updateRecord<R extends Row>(
  requestCtx: RequestContext,
  store: RecordStore<R>,
  id: string,
  input: Patch,
  hooks: WriteHooks<R> = {},
): Promise<R> {
  const ctx = atOneInstant(requestCtx);
  assertCanWrite(ctx);
  return inTransaction(ctx, async (trx) => {
    const before = await store.find(trx, ctx.actor.workspaceId, id, true);
    if (!before) throw notFound(store.label);
    assertCanChange(ctx, changingOwner(ctx, before), store.label.toLowerCase());
    let values = await sharedValues(ctx, trx, store as unknown as RecordStore<Row>, input, before);
    if (hooks.prepare) values = await hooks.prepare(ctx, trx, values, before);
    const changes = fieldChanges(before, values);
    if (Object.keys(changes).length === 0) return before;
    const alongside = hooks.alongside?.(ctx, id, values, before) ?? [];
    return store.update(trx, ctx.actor.workspaceId, id, { ...forStorage(values), updatedAt: ctx.now() }, [
      ...alongside,
      auditRow(ctx, 'update', store.entityType, id, changes),
    ]);
  });
}

export async function deleteRecord<R extends Row>(
  ctx: RequestContext,
  store: RecordStore<R>,
  id: string,
): Promise<void> {
  assertCanWrite(ctx);
  await inTransaction(ctx, async (trx) => {
    const before = await store.find(trx, ctx.actor.workspaceId, id, true);
    if (!before) throw notFound(store.label);
    assertCanChange(ctx, before.ownerId, store.label.toLowerCase());
    const { workspaceId: _workspace, searchText: _search, ...snapshot } = before;
    await store.remove(trx, ctx.actor.workspaceId, id, [
      auditRow(ctx, 'delete', store.entityType, id, snapshot),
    ]);
  });
}
