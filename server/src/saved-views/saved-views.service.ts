import { fieldChanges } from '@baken/core/records/changes';
import {
  canonicalView,
  MAX_SAVED_VIEWS_PER_LIST,
  type SavedViewList,
  type savedViewInput,
  type savedViewUpdateInput,
} from '@baken/core/saved-views/saved-view.schema';
import type { z } from 'zod';
import { audit } from '../platform/audit/audit.ts';
import type { RequestContext } from '../platform/context.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { toApi } from '../platform/records/serialize.ts';
import {
  countSavedViews,
  deleteSavedView,
  findSavedView,
  findSavedViewByName,
  insertSavedView,
  listSavedViews,
  lockSavedViewsOf,
  updateSavedView,
} from './saved-views.repository.ts';

// Saved views are their user's preference, like a profile: every role may keep them (viewers too,
// they change no records), and nobody else sees or changes them, admins included.

type Row = NonNullable<Awaited<ReturnType<typeof findSavedView>>>;

const viewOut = (row: Row) => ({ ...toApi(row), view: canonicalView(row.view) });

export async function savedViewsOfList(ctx: RequestContext, list: SavedViewList) {
  return (await listSavedViews(ctx.db, ctx.actor.workspaceId, ctx.actor.userId, list)).map(viewOut);
}

export async function savedView(ctx: RequestContext, id: string) {
  const row = await findSavedView(ctx.db, ctx.actor.workspaceId, ctx.actor.userId, id);
  if (!row) throw notFound('Saved view');
  return viewOut(row);
}

/**
 * Saves the view under its name: a new view, or (same name in any case for this user and list) a
 * replacement of that one's view and spelling. Every save is audited, as a create or an update.
 */
export async function saveView(
  ctx: RequestContext,
  input: z.output<typeof savedViewInput>,
): Promise<{ created: boolean; savedView: ReturnType<typeof viewOut> }> {
  const { workspaceId, userId } = ctx.actor;
  const view = canonicalView(input.view);
  return ctx.db.transaction().execute(async (trx) => {
    await lockSavedViewsOf(trx, workspaceId, userId);
    const existing = await findSavedViewByName(trx, workspaceId, userId, input.list, input.name);
    if (existing) {
      const before = { name: existing.name, view: canonicalView(existing.view) };
      const row = await updateSavedView(trx, workspaceId, userId, existing.id, {
        name: input.name,
        view: JSON.stringify(view),
        updatedAt: ctx.now(),
      });
      await audit(ctx, trx, 'update', 'saved_view', row.id, fieldChanges(before, { name: input.name, view }));
      return { created: false, savedView: viewOut(row) };
    }
    if ((await countSavedViews(trx, workspaceId, userId, input.list)) >= MAX_SAVED_VIEWS_PER_LIST) {
      throw new AppError(
        'invalid',
        `You already have ${MAX_SAVED_VIEWS_PER_LIST} saved views of this list, the most there can be: delete one you no longer use, or save under the name of an existing view to replace it.`,
      );
    }
    const now = ctx.now();
    const row = await insertSavedView(trx, {
      workspaceId,
      id: ctx.newId(),
      userId,
      list: input.list,
      name: input.name,
      view: JSON.stringify(view),
      createdAt: now,
      updatedAt: now,
    });
    await audit(ctx, trx, 'create', 'saved_view', row.id, { list: input.list, name: input.name, view });
    return { created: true, savedView: viewOut(row) };
  });
}

/** Renames a view or changes what it shows; a change that changes nothing writes nothing. */
export async function changeSavedView(
  ctx: RequestContext,
  id: string,
  input: z.output<typeof savedViewUpdateInput>,
) {
  const { workspaceId, userId } = ctx.actor;
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findSavedView(trx, workspaceId, userId, id);
    if (!existing) throw notFound('Saved view');
    const before = { name: existing.name, view: canonicalView(existing.view) };
    const changes = fieldChanges(before, {
      name: input.name,
      view: input.view && canonicalView(input.view),
    });
    if (Object.keys(changes).length === 0) return viewOut(existing);
    // A rename onto another view's name meets the unique index: 409 on name.
    const row = await updateSavedView(trx, workspaceId, userId, id, {
      ...(changes.name ? { name: input.name } : {}),
      ...(changes.view ? { view: JSON.stringify(changes.view.to) } : {}),
      updatedAt: ctx.now(),
    });
    await audit(ctx, trx, 'update', 'saved_view', id, changes);
    return viewOut(row);
  });
}

export async function removeSavedView(ctx: RequestContext, id: string): Promise<void> {
  const { workspaceId, userId } = ctx.actor;
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await findSavedView(trx, workspaceId, userId, id);
    if (!existing) throw notFound('Saved view');
    await deleteSavedView(trx, workspaceId, userId, id);
    await audit(ctx, trx, 'delete', 'saved_view', id, {
      list: existing.list,
      name: existing.name,
      view: canonicalView(existing.view),
    });
  });
}
