import { idParams } from '@baken/core/records/record.schema';
import {
  savedViewInput,
  savedViewResponse,
  savedViewsQuery,
  savedViewUpdateInput,
} from '@baken/core/saved-views/saved-view.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../platform/http/request-context.ts';
import {
  changeSavedView,
  removeSavedView,
  savedView,
  savedViewsOfList,
  saveView,
} from './saved-views.service.ts';

const tags = ['saved views'];

export async function savedViewRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/saved-views',
    {
      schema: {
        tags,
        summary: 'Your saved views of one record list, by name',
        querystring: savedViewsQuery,
        response: { 200: z.object({ data: z.array(savedViewResponse) }) },
      },
    },
    async (request) => ({ data: await savedViewsOfList(contextOf(request), request.query.list) }),
  );
  api.get(
    '/saved-views/:id',
    {
      schema: {
        tags,
        summary: 'One of your saved views',
        params: idParams,
        response: { 200: savedViewResponse },
      },
    },
    async (request) => savedView(contextOf(request), request.params.id),
  );
  api.post(
    '/saved-views',
    {
      schema: {
        tags,
        summary:
          'Save a view of a list under a name (201); a name you already have for that list, in any case, is replaced (200). At most 100 per list.',
        body: savedViewInput,
        response: { 200: savedViewResponse, 201: savedViewResponse },
      },
    },
    async (request, reply) => {
      const saved = await saveView(contextOf(request), request.body);
      return reply.status(saved.created ? 201 : 200).send(saved.savedView);
    },
  );
  api.patch(
    '/saved-views/:id',
    {
      schema: {
        tags,
        summary: 'Rename a saved view or change what it shows',
        params: idParams,
        body: savedViewUpdateInput,
        response: { 200: savedViewResponse },
      },
    },
    async (request) => changeSavedView(contextOf(request), request.params.id, request.body),
  );
  api.delete(
    '/saved-views/:id',
    { schema: { tags, summary: 'Delete a saved view', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeSavedView(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
