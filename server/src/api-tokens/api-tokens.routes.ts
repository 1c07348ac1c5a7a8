import { apiTokenInput } from '@baken/core/platform/auth.schema';
import { idParams } from '@baken/core/records/record.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../platform/http/request-context.ts';
import { apiTokens, createApiToken, revokeApiToken } from './api-tokens.service.ts';

const tags = ['api tokens'];
const apiToken = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  scope: z.enum(['read', 'read_write']),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export async function apiTokenRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api-tokens',
    {
      schema: {
        tags,
        summary: 'Your API tokens (admins: all of the workspace)',
        response: { 200: z.object({ data: z.array(apiToken) }) },
      },
    },
    async (request) => ({
      data: await apiTokens(contextOf(request)),
    }),
  );
  api.post(
    '/api-tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token; the secret is in the answer only once',
        body: apiTokenInput,
        response: { 201: apiToken.extend({ token: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await createApiToken(contextOf(request), request.body)),
  );
  api.delete(
    '/api-tokens/:id',
    { schema: { tags, summary: 'Revoke an API token', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await revokeApiToken(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
