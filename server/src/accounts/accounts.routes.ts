import { accountCreateInput, accountResponse, accountUpdateInput } from '@baken/core/accounts/account.schema';
import type { FastifyInstance } from 'fastify';
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
    accountService,
  );
}
