import { notificationListResponse } from '@baken/core/notifications/notification.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../platform/http/request-context.ts';
import { markNotificationsRead, myNotifications } from './notifications.service.ts';

export async function notificationRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  api.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: "The caller's latest notifications (SLA breaches), newest first",
        response: { 200: notificationListResponse },
      },
    },
    async (request) => myNotifications(contextOf(request)),
  );
  api.post(
    '/notifications/read',
    {
      schema: {
        tags,
        summary: "Mark the caller's notifications read: the given ones, or every one without ids",
        body: z.strictObject({ ids: z.array(z.uuid()).min(1).max(500).optional() }),
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    async (request) => ({
      updated: await markNotificationsRead(contextOf(request), request.body.ids ?? 'all'),
    }),
  );
}
