import { contactFieldSpecs } from '@baken/core/contacts/contact.schema';
import type { FieldSpecs } from '@baken/core/records/list-query';
import type { ListQuery } from '@baken/core/records/record.schema';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { listPage } from '../platform/records/list-page.ts';
import { tableStore } from '../platform/records/table-store.ts';

export const contactStore = tableStore('contacts', 'contact', 'Contact');

export function listContacts(db: Kysely<DB>, workspaceId: string, query: ListQuery, customSpecs: FieldSpecs) {
  const base = db
    .selectFrom('contacts')
    .selectAll('contacts')
    .where('contacts.workspaceId', '=', workspaceId);
  return listPage(base, query, {
    table: 'contacts',
    specs: contactFieldSpecs,
    customSpecs,
    defaultSort: 'lastName',
    search: { db, workspaceId, recordType: 'contact' },
  });
}
