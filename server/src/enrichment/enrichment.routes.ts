import {
  type EnrichRequest,
  enrichmentResponse,
  enrichmentStateResponse,
  enrichRequest,
} from '@baken/core/enrichment/enrichment.schema';
import { idParams } from '@baken/core/records/record.schema';
import type { FastifyInstance } from 'fastify';
import { contextOf } from '../platform/http/request-context.ts';
import { enrichAccount, enrichmentState } from './enrichment.service.ts';

type ById = { Params: { id: string } };

export async function enrichmentRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['enrichment'];
  app.post<ById & { Body: EnrichRequest }>(
    '/accounts/:id/enrich',
    {
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
}
