import { contactCreateInput, contactResponse, contactUpdateInput } from '@baken/core/contacts/contact.schema';
import type { FastifyInstance } from 'fastify';
import { registerCrudRoutes } from '../platform/http/crud-routes.ts';
import { contactService } from './contacts.service.ts';

export async function contactRoutes(app: FastifyInstance): Promise<void> {
  registerCrudRoutes(
    app,
    {
      path: '/contacts',
      tag: 'contacts',
      noun: 'contact',
      plural: 'contacts',
      create: contactCreateInput,
      update: contactUpdateInput,
      response: contactResponse,
    },
    contactService,
  );
}
