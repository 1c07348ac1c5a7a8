import {
  dealBoardQuery,
  dealBoardResponse,
  dealContactInput,
  dealContactResponse,
  dealCreateInput,
  dealResponse,
  dealUpdateInput,
  stageSummaryRow,
} from '@baken/core/deals/deal.schema';
import { idParams, listQuery } from '@baken/core/records/record.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerCrudRoutes } from '../platform/http/crud-routes.ts';
import { contextOf } from '../platform/http/request-context.ts';
import {
  contactsOfDeal,
  dealBoard,
  dealService,
  dealSummary,
  linkContactToDeal,
  unlinkContactFromDeal,
} from './deals.service.ts';

const tags = ['deals'];
const dealContactParams = z.strictObject({ id: z.uuid(), contactId: z.uuid() });
const dealContactsResponse = z.object({ data: z.array(dealContactResponse) });
const summaryQuery = listQuery.pick({ filter: true });
const summaryResponse = z.object({ data: z.array(stageSummaryRow) });

export async function dealRoutes(app: FastifyInstance): Promise<void> {
  registerCrudRoutes(
    app,
    {
      path: '/deals',
      tag: 'deals',
      noun: 'deal',
      plural: 'deals',
      create: dealCreateInput,
      update: dealUpdateInput,
      response: dealResponse,
    },
    dealService,
  );
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/deals/summary',
    {
      schema: {
        tags,
        summary:
          'Count and amounts of the matching deals per stage and currency (the deals board column heads)',
        querystring: summaryQuery,
        response: { 200: summaryResponse },
      },
    },
    async (request) => ({ data: await dealSummary(contextOf(request), request.query.filter) }),
  );
  // Untyped like the CRUD lists: the rows go out as read, and the compiled serializer shapes them.
  app.get<{ Querystring: z.output<typeof dealBoardQuery> }>(
    '/deals/board',
    {
      schema: {
        tags,
        summary:
          "A pipeline's deals board in one request: every stage's count and amounts over all matching " +
          'deals, and its first deals by expected close date with the cursor for more (GET /deals with ' +
          'filter=stageId:eq:<stage>&sort=expectedCloseDate)',
        querystring: dealBoardQuery,
        response: { 200: dealBoardResponse },
      },
    },
    async (request) => dealBoard(contextOf(request), request.query),
  );
  api.get(
    '/deals/:id/contacts',
    {
      schema: {
        tags,
        summary: 'The contacts on a deal with their roles',
        params: idParams,
        response: { 200: dealContactsResponse },
      },
    },
    async (request) => ({ data: await contactsOfDeal(contextOf(request), request.params.id) }),
  );
  api.put(
    '/deals/:id/contacts/:contactId',
    {
      schema: {
        tags,
        summary: 'Put a contact on a deal, or change their role (e.g. decision maker)',
        params: dealContactParams,
        body: dealContactInput,
        response: { 200: dealContactsResponse },
      },
    },
    async (request) => ({
      data: await linkContactToDeal(
        contextOf(request),
        request.params.id,
        request.params.contactId,
        request.body.role ?? null,
      ),
    }),
  );
  api.delete(
    '/deals/:id/contacts/:contactId',
    {
      schema: {
        tags,
        summary: 'Take a contact off a deal',
        params: dealContactParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await unlinkContactFromDeal(contextOf(request), request.params.id, request.params.contactId);
      return reply.status(204).send(null);
    },
  );
}
