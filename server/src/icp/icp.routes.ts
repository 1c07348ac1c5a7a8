import { idParams } from '@baken/core/records/record.schema';
import {
  accountFitResponse,
  icpInput,
  icpResponse,
  icpSuggestionsResponse,
  prospectListQuery,
  prospectListResponse,
  tamResponse,
} from '@baken/core/scoring/icp.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../platform/http/request-context.ts';
import {
  accountFit,
  icpSuggestions,
  idealCustomerProfile,
  prospectList,
  saveIdealCustomerProfile,
  totalAddressableMarket,
} from './icp.service.ts';

export async function icpRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['icp'];
  api.get(
    '/icp',
    {
      schema: {
        tags,
        summary: 'The ideal customer profile: weighted criteria and the fit a company needs to match',
        response: { 200: icpResponse },
      },
    },
    async (request) => idealCustomerProfile(contextOf(request)),
  );
  api.put(
    '/icp',
    {
      schema: {
        tags,
        summary:
          'Save the ideal customer profile (managers and above); every company is scored again in the background',
        body: icpInput,
        response: { 200: icpResponse },
      },
    },
    async (request) => saveIdealCustomerProfile(contextOf(request), request.body),
  );
  api.get(
    '/icp/suggestions',
    {
      schema: {
        tags,
        summary:
          'A data-driven profile: traits over-represented among the customers with the highest lifetime value',
        response: { 200: icpSuggestionsResponse },
      },
    },
    async (request) => icpSuggestions(contextOf(request)),
  );
  api.get(
    '/icp/tam',
    {
      schema: {
        tags,
        summary:
          'Total addressable market: matching companies in the database and the company register, by segment',
        response: { 200: tamResponse },
      },
    },
    async (request) => totalAddressableMarket(contextOf(request)),
  );
  api.get(
    '/prospects',
    {
      schema: {
        tags,
        summary: 'Companies matching the profile without an open deal, by fit or by engagement',
        querystring: prospectListQuery,
        response: { 200: prospectListResponse },
      },
    },
    async (request) => prospectList(contextOf(request), request.query),
  );
  api.get(
    '/accounts/:id/fit',
    {
      schema: {
        tags,
        summary:
          "A company's fit to the ideal customer profile, 0-100, with the criteria it meets and misses",
        params: idParams,
        response: { 200: accountFitResponse },
      },
    },
    async (request) => accountFit(contextOf(request), request.params.id),
  );
}
