import {
  dataHealthQuery,
  dataHealthResponse,
  metricRecordsQuery,
  metricRecordsResponse,
} from '@baken/core/data-health/data-health.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../platform/http/request-context.ts';
import { dataHealthOf, recordsOfMetric } from './data-health.service.ts';

const tags = ['data health'];

export async function dataHealthRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/data-health',
    {
      schema: {
        tags,
        summary:
          'Counts of records missing key fields, with invalid values, stale (no activity for staleMonths, default 12) and in open duplicate pairs',
        querystring: dataHealthQuery,
        response: { 200: dataHealthResponse },
      },
    },
    async (request) => dataHealthOf(contextOf(request), request.query.staleMonths),
  );
  api.get(
    '/data-health/records',
    {
      schema: {
        tags,
        summary: 'The records of one data health metric, in id order; cursor is the last id of a page',
        querystring: metricRecordsQuery,
        response: { 200: metricRecordsResponse },
      },
    },
    async (request) => recordsOfMetric(contextOf(request), request.query),
  );
}
