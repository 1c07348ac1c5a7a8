import { salesMetricsQuery, salesMetricsResponse } from '@baken/core/metrics/metrics.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../platform/http/request-context.ts';
import { salesFigures } from './metrics.service.ts';

export async function metricRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/metrics/sales',
    {
      schema: {
        tags: ['metrics'],
        summary:
          'Closing rate, average won deal and cycle, sales velocity and (weighted) pipeline of a period (docs/metrics.md)',
        querystring: salesMetricsQuery,
        response: { 200: salesMetricsResponse },
      },
    },
    async (request) => salesFigures(contextOf(request), request.query),
  );
}
