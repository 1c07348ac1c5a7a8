import { lifecycleChangeResponse, lifecycleSummaryResponse } from '@baken/core/lifecycle/lifecycle.schema';
import { idParams } from '@baken/core/records/record.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../platform/http/request-context.ts';
import { contactLifecycle, lifecycleSummary } from './lifecycle.service.ts';

export async function lifecycleRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/contacts/:id/lifecycle',
    {
      schema: {
        tags: ['lifecycle'],
        summary: 'Every lifecycle stage a contact entered, oldest first, with the stage before and the cause',
        params: idParams,
        response: { 200: z.object({ data: z.array(lifecycleChangeResponse) }) },
      },
    },
    async (request) => ({ data: await contactLifecycle(contextOf(request), request.params.id) }),
  );
  api.get(
    '/lifecycle/summary',
    {
      schema: {
        tags: ['lifecycle'],
        summary: 'How many contacts are in each lifecycle stage, in funnel order, with the funnel band',
        response: { 200: lifecycleSummaryResponse },
      },
    },
    async (request) => ({ data: await lifecycleSummary(contextOf(request)) }),
  );
}
