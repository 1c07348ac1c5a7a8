import { workspaceUpdateInput } from '@baken/core/platform/auth.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../platform/http/request-context.ts';
import { changeWorkspace, workspace } from './workspaces.service.ts';

const workspaceResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  locale: z.string(),
  defaultCountry: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export async function workspaceRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['workspace'];
  api.get(
    '/workspace',
    { schema: { tags, summary: 'Settings of the current workspace', response: { 200: workspaceResponse } } },
    async (request) => workspace(contextOf(request)),
  );
  api.patch(
    '/workspace',
    {
      schema: {
        tags,
        summary: 'Change name, time zone, currency, language or default country (admins)',
        body: workspaceUpdateInput,
        response: { 200: workspaceResponse },
      },
    },
    async (request) => changeWorkspace(contextOf(request), request.body),
  );
}
