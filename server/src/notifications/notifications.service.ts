import type { Notification } from '@baken/core/notifications/notification.schema';
import type { RequestContext } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { countOwn, markRead, notificationsOf } from './notifications.repository.ts';

export async function myNotifications(ctx: RequestContext) {
  const { workspaceId, userId } = ctx.actor;
  const { rows, unread } = await notificationsOf(ctx.db, workspaceId, userId, 30);
  return {
    data: rows.map((row) => ({
      id: row.id,
      kind: row.kind as Notification['kind'],
      subject: row.subject,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
    })),
    unread,
  };
}

/** Marks the caller's notifications read; 404 when an id given is not one of theirs. */
export async function markNotificationsRead(ctx: RequestContext, ids: string[] | 'all'): Promise<number> {
  const { workspaceId, userId } = ctx.actor;
  if (ids !== 'all' && (await countOwn(ctx.db, workspaceId, userId, ids)) < new Set(ids).size)
    throw notFound('Notification');
  return markRead(ctx.db, workspaceId, userId, ctx.now(), ids);
}
