import { exportQuery } from '@baken/core/exports/export.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../platform/http/request-context.ts';
import { exportList } from './exports.service.ts';

export async function exportRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/exports',
    {
      schema: {
        tags: ['exports'],
        summary:
          "Download a list view as CSV or XLSX: list=contacts|accounts|deals|activities with the list's filter, sort and q; header in lang (nl, en); streamed",
        querystring: exportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const file = await exportList(contextOf(request), request.query);
      return reply
        .type(file.type)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.stream);
    },
  );
}
