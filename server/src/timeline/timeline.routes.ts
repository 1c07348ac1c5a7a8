import { idParams } from '@baken/core/records/record.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../platform/http/request-context.ts';
import type { TimelineSubject } from './timeline.repository.ts';
import { timeline } from './timeline.service.ts';

const timelineQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
});

const timelineResponse = z.object({
  data: z.array(
    z.object({
      kind: z.enum(['activity', 'change', 'stage_change', 'import', 'lifecycle']),
      id: z.uuid(),
      at: z.string(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  nextCursor: z.string().nullable(),
});

const subjects: [string, TimelineSubject][] = [
  ['/contacts', 'contact'],
  ['/accounts', 'account'],
  ['/deals', 'deal'],
];

export async function timelineRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  for (const [path, subject] of subjects) {
    api.get(
      `${path}/:id/timeline`,
      {
        schema: {
          tags: ['timeline'],
          summary: `Activities, field changes${subject === 'contact' ? '' : ', stage changes'}${subject === 'deal' ? '' : ', imports'} of a ${subject}, newest first`,
          params: idParams,
          querystring: timelineQuery,
          response: { 200: timelineResponse },
        },
      },
      async (request) => timeline(contextOf(request), subject, request.params.id, request.query),
    );
  }
}
