import { accountCreateInput, accountResponse, accountUpdateInput } from '@baken/core/accounts/account.schema';
import type { FastifyInstance } from 'fastify';
import { recordingUserEdits } from '../enrichment/field-sources.ts';
import { registerCrudRoutes } from '../platform/http/crud-routes.ts';
import { accountService } from './accounts.service.ts';

export async function accountRoutes(app: FastifyInstance): Promise<void> {
  registerCrudRoutes(
    app,
    {
      path: '/accounts',
      tag: 'accounts',
      noun: 'account',
      plural: 'accounts',
      create: accountCreateInput,
      update: accountUpdateInput,
      response: accountResponse,
    },
    // A person's changes mark the fields as theirs, which enrichment then leaves alone.
    recordingUserEdits(accountService),
  );
}
