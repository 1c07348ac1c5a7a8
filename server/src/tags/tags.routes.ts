import { idParams } from '@baken/core/records/record.schema';
import { tagInput, tagResponse, tagUpdateInput } from '@baken/core/tags/tag.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../platform/http/request-context.ts';
import { changeTag, createTag, removeTag, tagsOfWorkspace } from './tags.service.ts';

const tags = ['tags'];

export async function tagRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/tags',
    {
      schema: {
        tags,
        summary: 'All tags of the workspace',
        response: { 200: z.object({ data: z.array(tagResponse) }) },
      },
    },
    async (request) => ({
      data: await tagsOfWorkspace(contextOf(request)),
    }),
  );
  api.post(
    '/tags',
    { schema: { tags, summary: 'Create a tag', body: tagInput, response: { 201: tagResponse } } },
    async (request, reply) => reply.status(201).send(await createTag(contextOf(request), request.body)),
  );
  api.patch(
    '/tags/:id',
    {
      schema: {
        tags,
        summary: 'Rename or recolour a tag (renames it on every record)',
        params: idParams,
        body: tagUpdateInput,
        response: { 200: tagResponse },
      },
    },
    async (request) => changeTag(contextOf(request), request.params.id, request.body),
  );
  api.delete(
    '/tags/:id',
    {
      schema: {
        tags,
        summary: 'Delete a tag (removes it from every record)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeTag(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
