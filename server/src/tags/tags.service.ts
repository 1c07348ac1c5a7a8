import { atLeast, canWrite } from '@baken/core/platform/roles';
import { distinctTagNames, type tagInput, type tagUpdateInput } from '@baken/core/tags/tag.schema';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { audit } from '../platform/audit/audit.ts';
import type { RequestContext } from '../platform/context.ts';
import type { DB } from '../platform/db/schema.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { toApi } from '../platform/records/serialize.ts';
import {
  deleteTag,
  findTag,
  insertTag,
  listTags,
  retagRecords,
  updateTag,
  upsertTagNames,
} from './tags.repository.ts';

/** Tag names for a record: known tags keep their catalogue spelling, new ones join the catalogue. */
export async function ensureTags(ctx: RequestContext, trx: Kysely<DB>, names: string[]): Promise<string[]> {
  const distinct = distinctTagNames(names);
  const canonical = await upsertTagNames(
    trx,
    ctx.actor.workspaceId,
    distinct.map((name) => ({ id: ctx.newId(), name })),
  );
  return distinct.map((name) => canonical.get(name.toLowerCase()) ?? name);
}

export async function tagsOfWorkspace(ctx: RequestContext) {
  return (await listTags(ctx.db, ctx.actor.workspaceId)).map(toApi);
}

function assertCanManageTags(ctx: RequestContext): void {
  if (!atLeast(ctx.actor.role, 'manager')) {
    throw new AppError('forbidden', 'Only managers and admins can rename or delete tags.');
  }
}

export async function createTag(ctx: RequestContext, input: z.output<typeof tagInput>) {
  if (!canWrite(ctx.actor.role)) throw new AppError('forbidden', 'Viewers cannot create tags.');
  return ctx.db.transaction().execute(async (trx) => {
    const tag = await insertTag(trx, {
      workspaceId: ctx.actor.workspaceId,
      id: ctx.newId(),
      name: input.name,
      color: input.color ?? null,
    });
    await audit(ctx, trx, 'create', 'tag', tag.id, { name: tag.name, color: tag.color });
    return toApi(tag);
  });
}

export async function changeTag(ctx: RequestContext, id: string, input: z.output<typeof tagUpdateInput>) {
  assertCanManageTags(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findTag(trx, ctx.actor.workspaceId, id);
    if (!before) throw notFound('Tag');
    const tag = await updateTag(trx, ctx.actor.workspaceId, id, { ...input, updatedAt: ctx.now() });
    if (input.name !== undefined && input.name !== before.name) {
      await retagRecords(trx, ctx.actor.workspaceId, before.name, input.name);
    }
    await audit(ctx, trx, 'update', 'tag', id, {
      name: { from: before.name, to: tag.name },
      color: { from: before.color, to: tag.color },
    });
    return toApi(tag);
  });
}

export async function removeTag(ctx: RequestContext, id: string): Promise<void> {
  assertCanManageTags(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const tag = await findTag(trx, ctx.actor.workspaceId, id);
    if (!tag) throw notFound('Tag');
    await retagRecords(trx, ctx.actor.workspaceId, tag.name, null);
    await deleteTag(trx, ctx.actor.workspaceId, id);
    await audit(ctx, trx, 'delete', 'tag', id, { name: tag.name });
  });
}
