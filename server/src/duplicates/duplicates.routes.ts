import { accountResponse } from '@baken/core/accounts/account.schema';
import { contactResponse } from '@baken/core/contacts/contact.schema';
import {
  accountCheckInput,
  accountCheckResponse,
  accountPairsPage,
  autoMergeInput,
  autoMergePreview,
  autoMergePreviewQuery,
  autoMergeResponse,
  contactCheckInput,
  contactCheckResponse,
  contactPairsPage,
  latestScanResponse,
  mergeInput,
  mergeResponse,
  pairResponse,
  pairsQuery,
  scanInput,
  scanResponse,
} from '@baken/core/duplicates/duplicate.schema';
import { idParams } from '@baken/core/records/record.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../platform/http/request-context.ts';
import {
  checkAccount,
  checkContact,
  currentScan,
  dismissPair,
  pairsOf,
  autoMergePreview as previewAutoMerge,
  startScan,
} from './duplicates.service.ts';
import { autoMerge, mergeOf, mergeRecords, undoMerge } from './merges.service.ts';

const tags = ['duplicates'];

export async function duplicateRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/duplicates/contacts',
    {
      schema: {
        tags,
        summary: 'Pairs of contacts that look like one person, highest score first, both records in full',
        querystring: pairsQuery,
        response: { 200: contactPairsPage },
      },
    },
    // Rows go to the reply as read: the serializer writes their Dates as ISO strings.
    async (request) => (await pairsOf(contextOf(request), 'contact', request.query)) as never,
  );
  api.get(
    '/duplicates/accounts',
    {
      schema: {
        tags,
        summary: 'Pairs of accounts that look like one company, highest score first, both records in full',
        querystring: pairsQuery,
        response: { 200: accountPairsPage },
      },
    },
    async (request) => (await pairsOf(contextOf(request), 'account', request.query)) as never,
  );
  api.post(
    '/duplicates/:id/dismiss',
    {
      schema: {
        tags,
        summary: 'Mark a pair as two different records: no scan proposes it again',
        params: idParams,
        response: { 200: pairResponse },
      },
    },
    async (request) => dismissPair(contextOf(request), request.params.id),
  );
  api.post(
    '/duplicates/scan',
    {
      schema: {
        tags,
        summary: 'Start a full duplicate scan in the background (202); one at a time per workspace (409)',
        body: scanInput.optional(),
        response: { 202: scanResponse },
      },
    },
    async (request, reply) =>
      reply.status(202).send((await startScan(contextOf(request), request.body?.recordTypes)) as never),
  );
  api.get(
    '/duplicates/scan',
    {
      schema: {
        tags,
        summary: 'The latest duplicate scan: queued, running (with its phase), done or failed',
        response: { 200: latestScanResponse },
      },
    },
    async (request) => ({ scan: (await currentScan(contextOf(request))) as never }),
  );
  api.get(
    '/duplicates/auto-merge',
    {
      schema: {
        tags,
        summary: 'How many open pairs are exact matches that a bulk merge would merge',
        querystring: autoMergePreviewQuery,
        response: { 200: autoMergePreview },
      },
    },
    async (request) => previewAutoMerge(contextOf(request), request.query.recordType),
  );
  api.post(
    '/duplicates/auto-merge',
    {
      schema: {
        tags,
        summary: 'Merge up to `limit` exact pairs, keeping the fuller record; repeat while `remaining` > 0',
        body: autoMergeInput,
        response: { 200: autoMergeResponse },
      },
    },
    async (request) => autoMerge(contextOf(request), request.body.recordType, request.body.limit),
  );

  api.get(
    '/contacts/duplicates-check',
    {
      schema: {
        tags,
        summary: 'Existing contacts that look like the one about to be created (nothing is saved)',
        querystring: contactCheckInput,
        response: { 200: contactCheckResponse },
      },
    },
    async (request) => (await checkContact(contextOf(request), request.query)) as never,
  );
  api.get(
    '/accounts/duplicates-check',
    {
      schema: {
        tags,
        summary: 'Existing accounts that look like the one about to be created (nothing is saved)',
        querystring: accountCheckInput,
        response: { 200: accountCheckResponse },
      },
    },
    async (request) => (await checkAccount(contextOf(request), request.query)) as never,
  );

  api.post(
    '/contacts/merge',
    {
      schema: {
        tags,
        summary:
          'Merge one contact into another: related records move, the other contact is deleted; undoable',
        body: mergeInput,
        response: { 200: z.object({ merge: mergeResponse, survivor: contactResponse }) },
      },
    },
    async (request) => (await mergeRecords(contextOf(request), 'contact', request.body)) as never,
  );
  api.post(
    '/accounts/merge',
    {
      schema: {
        tags,
        summary: 'Merge one account into another: contacts, deals and activities move; undoable',
        body: mergeInput,
        response: { 200: z.object({ merge: mergeResponse, survivor: accountResponse }) },
      },
    },
    async (request) => (await mergeRecords(contextOf(request), 'account', request.body)) as never,
  );
  api.get(
    '/merges/:id',
    {
      schema: { tags, summary: 'One merge', params: idParams, response: { 200: mergeResponse } },
    },
    async (request) => mergeOf(contextOf(request), request.params.id),
  );
  api.post(
    '/merges/:id/undo',
    {
      schema: {
        tags,
        summary:
          'Undo a merge: both records and every moved record back as they were; 409 once the kept record changed',
        params: idParams,
        response: { 200: mergeResponse },
      },
    },
    async (request) => undoMerge(contextOf(request), request.params.id),
  );
}
