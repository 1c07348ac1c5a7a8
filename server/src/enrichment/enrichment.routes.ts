import {
  type BulkEnrichRequest,
  bulkEnrichRequest,
  type EnrichRequest,
  enrichmentResponse,
  enrichmentRunResponse,
  enrichmentStateResponse,
  enrichRequest,
} from '@baken/core/enrichment/enrichment.schema';
import { idParams } from '@baken/core/records/record.schema';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { perUserLimit } from '../platform/http/public-limits.ts';
import { contextOf } from '../platform/http/request-context.ts';
import { enrichAccount, enrichmentState } from './enrichment.service.ts';
import { bulkEnrichmentStatus, startBulkEnrichment } from './enrichment-job.ts';

type ById = { Params: { id: string } };

export async function enrichmentRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['enrichment'];
  app.post<ById & { Body: EnrichRequest }>(
    '/accounts/:id/enrich',
    {
      config: perUserLimit(app.ctx.config.enrichment.perUserPerMinute),
      schema: {
        tags,
        summary:
          'Run the enrichment providers for one account: fills empty fields and fields a provider set before, keeps what a person typed unless overwrite names it',
        params: idParams,
        body: enrichRequest,
        response: { 200: enrichmentResponse },
      },
    },
    async (request) => enrichAccount(contextOf(request), request.params.id, request.body),
  );
  app.get<ById>(
    '/accounts/:id/enrichment',
    {
      schema: {
        tags,
        summary: 'The configured enrichment providers and the source and date of each field of one account',
        params: idParams,
        response: { 200: enrichmentStateResponse },
      },
    },
    async (request) => enrichmentState(contextOf(request), request.params.id),
  );
  app.post<{ Body: BulkEnrichRequest }>(
    '/accounts/enrich',
    {
      schema: {
        tags,
        summary:
          'Enrich many accounts in the background (managers and above): the ids given, or every account the list filter and search select',
        body: bulkEnrichRequest,
        response: { 202: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const { overwrite, filter, ...selection } = request.body;
      const filters = filter === undefined ? {} : { filter: [filter].flat() };
      return reply
        .status(202)
        .send(await startBulkEnrichment(contextOf(request), { ...selection, ...filters }, overwrite));
    },
  );
  app.get<ById>(
    '/accounts/enrichment-runs/:id',
    {
      schema: {
        tags,
        summary: 'How far a background enrichment is: accounts done, changed and failed',
        params: idParams,
        response: { 200: enrichmentRunResponse },
      },
    },
    async (request) => bulkEnrichmentStatus(contextOf(request), request.params.id),
  );
}
