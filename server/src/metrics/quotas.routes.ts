import {
  attainmentQuery,
  attainmentResponse,
  quotaListQuery,
  quotaResponse,
  quotasInput,
} from '@baken/core/metrics/quota.schema';
import { idParams } from '@baken/core/records/record.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../platform/http/request-context.ts';
import { attainment, quotas, removeQuota, setQuotas } from './quotas.service.ts';

export async function quotaRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['quotas'];
  const list = z.object({ data: z.array(quotaResponse) });
  api.get(
    '/quotas',
    {
      schema: {
        tags,
        summary: 'Quotas whose period starts between from and to',
        querystring: quotaListQuery,
        response: { 200: list },
      },
    },
    async (request) => quotas(contextOf(request), request.query),
  );
  api.put(
    '/quotas',
    {
      schema: {
        tags,
        summary: 'Set quotas per person (or the whole workspace) and month or quarter (managers and above)',
        body: quotasInput,
        response: { 200: list },
      },
    },
    async (request) => setQuotas(contextOf(request), request.body.quotas),
  );
  api.delete(
    '/quotas/:id',
    { schema: { tags, summary: 'Remove a quota (managers and above)', params: idParams } },
    async (request, reply) => {
      await removeQuota(contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  api.get(
    '/quotas/attainment',
    {
      schema: {
        tags,
        summary:
          "Each quota of a period against the deals won in it: attainment, gap and the open pipeline's cover",
        querystring: attainmentQuery,
        response: { 200: attainmentResponse },
      },
    },
    async (request) => attainment(contextOf(request), request.query),
  );
}
