import {
  customFieldInput,
  customFieldResponse,
  customFieldUpdateInput,
  recordTypes,
} from '@baken/core/custom-fields/custom-field.schema';
import { idParams } from '@baken/core/records/record.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../platform/http/request-context.ts';
import {
  changeCustomField,
  customFields,
  defineCustomField,
  removeCustomField,
} from './custom-fields.service.ts';

const tags = ['custom fields'];

export async function customFieldRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/custom-fields',
    {
      schema: {
        tags,
        summary: 'Custom field definitions, optionally of one record type',
        querystring: z.strictObject({ recordType: z.enum(recordTypes).optional() }),
        response: { 200: z.object({ data: z.array(customFieldResponse) }) },
      },
    },
    async (request) => ({ data: await customFields(contextOf(request), request.query.recordType) }),
  );
  api.post(
    '/custom-fields',
    {
      schema: {
        tags,
        summary: 'Define a custom field (admins)',
        body: customFieldInput,
        response: { 201: customFieldResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await defineCustomField(contextOf(request), request.body)),
  );
  api.patch(
    '/custom-fields/:id',
    {
      schema: {
        tags,
        summary: 'Change a custom field (admins)',
        params: idParams,
        body: customFieldUpdateInput,
        response: { 200: customFieldResponse },
      },
    },
    async (request) => changeCustomField(contextOf(request), request.params.id, request.body),
  );
  api.delete(
    '/custom-fields/:id',
    {
      schema: {
        tags,
        summary: 'Delete a custom field definition (admins)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeCustomField(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
