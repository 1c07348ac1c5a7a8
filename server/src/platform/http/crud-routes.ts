import { idParams, type ListQuery, listQuery, pageOf } from '@baken/core/records/record.schema';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RequestContext } from '../context.ts';
import { contextOf } from './request-context.ts';

interface CrudService<Create, Update> {
  list(ctx: RequestContext, query: ListQuery): Promise<unknown>;
  get(ctx: RequestContext, id: string): Promise<unknown>;
  create(ctx: RequestContext, input: Create): Promise<unknown>;
  update(ctx: RequestContext, id: string, input: Update): Promise<unknown>;
  remove(ctx: RequestContext, id: string): Promise<void>;
}

interface CrudOptions<C, U, R> {
  path: string;
  tag: string;
  noun: string;
  plural: string;
  create: C;
  update: U;
  response: R;
}

/**
 * The five REST routes of a record type; each validates with the shared schemas and calls one
 * service function. The schemas validate at run time; the generics only carry their types through.
 */
export function registerCrudRoutes<C extends z.ZodType, U extends z.ZodType, R extends z.ZodType>(
  app: FastifyInstance,
  options: CrudOptions<C, U, R>,
  service: CrudService<z.output<C>, z.output<U>>,
): void {
  const { path, noun, plural, create, update, response } = options;
  const tags = [options.tag];
  type ById = { Params: { id: string } };
  app.get<{ Querystring: ListQuery }>(
    path,
    {
      schema: {
        tags,
        summary: `List ${plural}: filter=field:operator:value, sort=field or -field, q, limit, cursor`,
        querystring: listQuery,
        response: { 200: pageOf(response) },
      },
    },
    async (request) => service.list(contextOf(request), request.query),
  );
  app.post<{ Body: z.output<C> }>(
    path,
    { schema: { tags, summary: `Create ${noun}`, body: create, response: { 201: response } } },
    async (request, reply) =>
      reply.status(201).send(await service.create(contextOf(request), request.body as z.output<C>)),
  );
  app.get<ById>(
    `${path}/:id`,
    { schema: { tags, summary: `Read one ${noun}`, params: idParams, response: { 200: response } } },
    async (request) => service.get(contextOf(request), request.params.id),
  );
  app.patch<ById & { Body: z.output<U> }>(
    `${path}/:id`,
    {
      schema: {
        tags,
        summary: `Change fields of one ${noun}`,
        params: idParams,
        body: update,
        response: { 200: response },
      },
    },
    async (request) => service.update(contextOf(request), request.params.id, request.body as z.output<U>),
  );
  app.delete<ById>(
    `${path}/:id`,
    { schema: { tags, summary: `Delete one ${noun}`, params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await service.remove(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
