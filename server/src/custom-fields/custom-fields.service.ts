import type {
  customFieldInput,
  customFieldUpdateInput,
  RecordType,
} from '@baken/core/custom-fields/custom-field.schema';
import type { CustomFieldDefinition } from '@baken/core/custom-fields/custom-field-values';
import { canManageWorkspace } from '@baken/core/platform/roles';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { audit } from '../platform/audit/audit.ts';
import type { RequestContext } from '../platform/context.ts';
import { readCache } from '../platform/db/read-cache.ts';
import type { DB } from '../platform/db/schema.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { toApi } from '../platform/records/serialize.ts';
import {
  deleteDefinition,
  deleteValues,
  findDefinition,
  insertDefinition,
  listDefinitions,
  updateDefinition,
} from './custom-fields.repository.ts';

const definitionCache = (ctx: RequestContext) => readCache(ctx.db, 'custom-fields');

/**
 * The custom fields defined for one record type, to validate and filter record values. Read through
 * a short cache (READ_CACHE_MS) that every change of a definition in this process clears once it has
 * committed; `db` is the handle to read with (a transaction, or ctx.db).
 */
export async function definitionsOf(
  ctx: RequestContext,
  db: Kysely<DB>,
  recordType: RecordType,
): Promise<CustomFieldDefinition[]> {
  const { workspaceId } = ctx.actor;
  const definitions = await definitionCache(ctx).lookup(`${workspaceId}:${recordType}`, async () => {
    const rows = await listDefinitions(db, workspaceId, recordType);
    return rows.map(
      (row): CustomFieldDefinition => ({
        key: row.key,
        label: row.label,
        type: row.type as CustomFieldDefinition['type'],
        options: row.options,
        required: row.required,
      }),
    );
  });
  return definitions ?? [];
}

function serialize(row: Awaited<ReturnType<typeof findDefinition>> & object) {
  return toApi(row) as ReturnType<typeof toApi<typeof row>> & {
    recordType: RecordType;
    type: CustomFieldDefinition['type'];
  };
}

function assertCanDefine(ctx: RequestContext): void {
  if (!canManageWorkspace(ctx.actor.role))
    throw new AppError('forbidden', 'Only admins can define custom fields.');
}

export async function customFields(ctx: RequestContext, recordType?: RecordType) {
  return (await listDefinitions(ctx.db, ctx.actor.workspaceId, recordType)).map(serialize);
}

export async function defineCustomField(ctx: RequestContext, input: z.output<typeof customFieldInput>) {
  assertCanDefine(ctx);
  const defined = await ctx.db.transaction().execute(async (trx) => {
    const row = await insertDefinition(trx, {
      workspaceId: ctx.actor.workspaceId,
      id: ctx.newId(),
      recordType: input.recordType,
      key: input.key,
      label: input.label,
      type: input.type,
      options: input.options ?? [],
      required: input.required ?? false,
      position: input.position ?? 0,
    });
    await audit(ctx, trx, 'create', 'custom_field', row.id, { ...input });
    return serialize(row);
  });
  definitionCache(ctx).forget();
  return defined;
}

export async function changeCustomField(
  ctx: RequestContext,
  id: string,
  input: z.output<typeof customFieldUpdateInput>,
) {
  assertCanDefine(ctx);
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const before = await findDefinition(trx, ctx.actor.workspaceId, id);
    if (!before) throw notFound('Custom field');
    const isSelect = before.type === 'select' || before.type === 'multi_select';
    if (input.options !== undefined && !isSelect) {
      throw new AppError('invalid', 'options: only select fields have options.', [
        { field: 'options', message: 'Only select fields have options.' },
      ]);
    }
    if (input.options !== undefined && isSelect && input.options.length === 0) {
      throw new AppError('invalid', 'options: a select field needs at least one option.', [
        { field: 'options', message: 'A select field needs at least one option.' },
      ]);
    }
    const row = await updateDefinition(trx, ctx.actor.workspaceId, id, { ...input, updatedAt: ctx.now() });
    await audit(ctx, trx, 'update', 'custom_field', id, { ...input });
    return serialize(row);
  });
  definitionCache(ctx).forget();
  return changed;
}

/**
 * Deleting a definition deletes its values from every record too: a later field with the same key
 * must not find values of another type.
 */
export async function removeCustomField(ctx: RequestContext, id: string): Promise<void> {
  assertCanDefine(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findDefinition(trx, ctx.actor.workspaceId, id);
    if (!before) throw notFound('Custom field');
    await deleteDefinition(trx, ctx.actor.workspaceId, id);
    await deleteValues(trx, ctx.actor.workspaceId, before.recordType as RecordType, before.key);
    await audit(ctx, trx, 'delete', 'custom_field', id, { key: before.key, recordType: before.recordType });
  });
  definitionCache(ctx).forget();
}
