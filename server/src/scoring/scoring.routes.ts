import { idParams } from '@baken/core/records/record.schema';
import { predictionResponse, predictiveModelResponse } from '@baken/core/scoring/predictive.schema';
import {
  contactEventInput,
  scoreResponse,
  scoringModelInput,
} from '@baken/core/scoring/scoring-model.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../platform/http/request-context.ts';
import { languageOf } from '../platform/i18n/translate.ts';
import { contactPrediction, predictiveModel, trainModel } from './predictive.service.ts';
import { contactScore, previewModel, recordEvent, saveModel, scoringModel } from './scoring.service.ts';

const modelResponse = z.object({ model: scoringModelInput, updatedAt: z.string().nullable() });

export async function scoringRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['scoring'];
  api.get(
    '/scoring-model',
    {
      schema: {
        tags,
        summary: "The workspace's lead scoring model (the default one until saved)",
        response: { 200: modelResponse },
      },
    },
    async (request) => scoringModel(contextOf(request), languageOf(request.headers['accept-language'])),
  );
  api.put(
    '/scoring-model',
    {
      schema: {
        tags,
        summary:
          'Save the lead scoring model (managers and above); every contact is rescored in the background',
        body: scoringModelInput,
        response: { 200: modelResponse },
      },
    },
    async (request) => saveModel(contextOf(request), request.body),
  );
  api.post(
    '/scoring-model/preview',
    {
      schema: {
        tags,
        summary: 'How many contacts a model would make MQL now, next to the saved model, without saving',
        body: scoringModelInput,
        response: { 200: z.object({ mql: z.number().int(), mqlWithCurrentModel: z.number().int() }) },
      },
    },
    async (request) => previewModel(contextOf(request), request.body),
  );
  api.get(
    '/contacts/:id/score',
    {
      schema: {
        tags,
        summary: "A contact's fit, engagement and total score, with the rules that fired",
        params: idParams,
        response: { 200: scoreResponse },
      },
    },
    async (request) =>
      contactScore(contextOf(request), request.params.id, languageOf(request.headers['accept-language'])),
  );
  api.post(
    '/contacts/:id/events',
    {
      schema: {
        tags,
        summary:
          'Record something a contact did (a page view, a form, a meeting); their score follows at once',
        params: idParams,
        body: contactEventInput,
        response: { 201: scoreResponse },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordEvent(
            contextOf(request),
            request.params.id,
            request.body,
            languageOf(request.headers['accept-language']),
          ),
        ),
  );
  api.get(
    '/predictive-model',
    {
      schema: {
        tags,
        summary:
          'The predictive lead score: when it was trained, its AUC on held-out contacts, its top features',
        response: { 200: predictiveModelResponse },
      },
    },
    async (request) => predictiveModel(contextOf(request)),
  );
  api.post(
    '/predictive-model/train',
    {
      schema: {
        tags,
        summary:
          "Train the predictive score again on the workspace's history (managers and above); 409 with too little history",
        response: { 200: predictiveModelResponse },
      },
    },
    async (request) => trainModel(contextOf(request)),
  );
  api.get(
    '/contacts/:id/prediction',
    {
      schema: {
        tags,
        summary: "A contact's chance of becoming a customer by the predictive model, with what moved it most",
        params: idParams,
        response: { 200: predictionResponse },
      },
    },
    async (request) => contactPrediction(contextOf(request), request.params.id),
  );
}
