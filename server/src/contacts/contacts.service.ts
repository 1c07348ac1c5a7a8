import type { contactCreateInput, contactUpdateInput } from '@baken/core/contacts/contact.schema';
import type { z } from 'zod';
import { recordService } from '../platform/records/record-service.ts';
import { contactStore, listContacts } from './contacts.repository.ts';

export const contactService = recordService<
  NonNullable<Awaited<ReturnType<typeof contactStore.find>>>,
  z.output<typeof contactCreateInput>,
  z.output<typeof contactUpdateInput>
>(contactStore, listContacts);
