import type { Notification } from '@baken/core/notifications/notification.schema';
import type { RequestContext } from '../platform/context.ts';
import { markRead, notificationsOf } from './notifications.repository.ts';

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

export async function markNotificationsRead(ctx: RequestContext, ids: string[] | 'all'): Promise<number> {
  const { workspaceId, userId } = ctx.actor;
  return markRead(ctx.db, workspaceId, userId, ctx.now(), ids);
}
