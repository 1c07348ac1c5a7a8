import { listQuery, pageOf } from '@baken/core/records/record.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../platform/http/request-context.ts';
import { auditLog } from './audit.service.ts';

const auditEntry = z.object({
  id: z.uuid(),
  at: z.string(),
  actorUserId: z.uuid().nullable(),
  actorTokenId: z.uuid().nullable(),
  action: z.enum(['create', 'update', 'delete']),
  entityType: z.string(),
  entityId: z.uuid(),
  changes: z.record(z.string(), z.unknown()),
});

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/audit-log',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Who changed what and when, newest first (admins); filter by entityType, entityId, action, actorUserId',
        querystring: listQuery,
        response: { 200: pageOf(auditEntry) },
      },
    },
    async (request) => auditLog(contextOf(request), request.query),
  );
}
