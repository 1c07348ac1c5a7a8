import {
  pipelineCreateInput,
  pipelineResponse,
  pipelineUpdateInput,
} from '@baken/core/pipelines/pipeline.schema';
import { idParams } from '@baken/core/records/record.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../platform/http/request-context.ts';
import { changePipeline, createPipeline, pipeline, pipelines, removePipeline } from './pipelines.service.ts';

const tags = ['pipelines'];

export async function pipelineRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/pipelines',
    {
      schema: {
        tags,
        summary: 'Pipelines with their stages',
        response: { 200: z.object({ data: z.array(pipelineResponse) }) },
      },
    },
    async (request) => ({
      data: await pipelines(contextOf(request)),
    }),
  );
  api.post(
    '/pipelines',
    {
      schema: {
        tags,
        summary: 'Create a pipeline (admins)',
        body: pipelineCreateInput,
        response: { 201: pipelineResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await createPipeline(contextOf(request), request.body)),
  );
  api.get(
    '/pipelines/:id',
    {
      schema: {
        tags,
        summary: 'One pipeline with its stages',
        params: idParams,
        response: { 200: pipelineResponse },
      },
    },
    async (request) => pipeline(contextOf(request), request.params.id),
  );
  api.patch(
    '/pipelines/:id',
    {
      schema: {
        tags,
        summary: 'Rename, make default, or replace the ordered stage list (admins)',
        params: idParams,
        body: pipelineUpdateInput,
        response: { 200: pipelineResponse },
      },
    },
    async (request) => changePipeline(contextOf(request), request.params.id, request.body),
  );
  api.delete(
    '/pipelines/:id',
    {
      schema: {
        tags,
        summary: 'Delete an empty, non-default pipeline (admins)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removePipeline(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
