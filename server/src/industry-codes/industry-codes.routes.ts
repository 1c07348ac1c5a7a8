import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findIndustryCodes } from './industry-codes.service.ts';

const industryCodeQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

const industryCodeList = z.object({
  data: z.array(z.object({ code: z.string(), nl: z.string(), en: z.string() })),
});

export async function industryCodeRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/industry-codes',
    {
      schema: {
        tags: ['industry codes'],
        summary: 'SBI/NACE industry codes by code or words of their title, for pickers (20 by default)',
        querystring: industryCodeQuery,
        response: { 200: industryCodeList },
      },
    },
    async (request) => findIndustryCodes(request.query),
  );
}
