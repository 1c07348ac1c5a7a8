import {
  handoverDecisionInput,
  handoverListQuery,
  handoverListResponse,
  handoverResponse,
  leadQualityResponse,
  leadRoutingInput,
  leadRoutingResponse,
  reportPeriodQuery,
  serviceLevelResponse,
} from '@baken/core/leads/handover.schema';
import { idParams } from '@baken/core/records/record.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../platform/http/request-context.ts';
import { decide, handoverById, handovers, leadRouting, saveLeadRouting } from './handovers.service.ts';
import { leadQuality, serviceLevels } from './reports.service.ts';

export async function leadRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['leads'];
  api.get(
    '/lead-routing',
    {
      schema: {
        tags,
        summary: 'How MQLs are routed to sales, and the service levels between marketing and sales',
        response: { 200: leadRoutingResponse },
      },
    },
    async (request) => leadRouting(contextOf(request)),
  );
  api.put(
    '/lead-routing',
    {
      schema: {
        tags,
        summary: 'Save lead routing and service levels (managers and above)',
        body: leadRoutingInput,
        response: { 200: leadRoutingResponse },
      },
    },
    async (request) => saveLeadRouting(contextOf(request), request.body),
  );
  api.get(
    '/lead-handovers',
    {
      schema: {
        tags,
        summary: 'The lead inbox: MQLs handed to sales, newest first (yours unless owner= says otherwise)',
        querystring: handoverListQuery,
        response: { 200: handoverListResponse },
      },
    },
    async (request) => handovers(contextOf(request), request.query),
  );
  api.get(
    '/lead-handovers/:id',
    {
      schema: { tags, summary: 'One lead handover', params: idParams, response: { 200: handoverResponse } },
    },
    async (request) => handoverById(contextOf(request), request.params.id),
  );
  api.post(
    '/lead-handovers/:id/decision',
    {
      schema: {
        tags,
        summary: 'Accept an MQL (it becomes SQL) or reject it with a reason (it is disqualified)',
        params: idParams,
        body: handoverDecisionInput,
        response: { 200: handoverResponse },
      },
    },
    async (request) => decide(contextOf(request), request.params.id, request.body),
  );
  api.get(
    '/reports/lead-quality',
    {
      schema: {
        tags,
        summary: 'Lead quality per source: MQLs accepted, rejected (with reasons) and won',
        querystring: reportPeriodQuery,
        response: { 200: leadQualityResponse },
      },
    },
    async (request) => leadQuality(contextOf(request), request.query),
  );
  api.get(
    '/reports/service-levels',
    {
      schema: {
        tags,
        summary: 'MQLs per month against the target, and first-touch breaches per rep and per month',
        querystring: reportPeriodQuery,
        response: { 200: serviceLevelResponse },
      },
    },
    async (request) => serviceLevels(contextOf(request), request.query),
  );
}
