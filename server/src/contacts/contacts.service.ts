import type { contactCreateInput, contactUpdateInput } from '@baken/core/contacts/contact.schema';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../platform/db/schema.ts';
import { recordService } from '../platform/records/record-service.ts';
import { contactStore, listContacts } from './contacts.repository.ts';

export const contactService = recordService<
  NonNullable<Awaited<ReturnType<typeof contactStore.find>>>,
  z.output<typeof contactCreateInput>,
  z.output<typeof contactUpdateInput>
>(contactStore, listContacts);

/** The company a contact works for: activities logged on the contact show on it too. */
export async function accountIdOfContact(
  db: Kysely<DB>,
  workspaceId: string,
  contactId: string,
): Promise<string | null> {
  return (await contactStore.find(db, workspaceId, contactId))?.accountId ?? null;
}
