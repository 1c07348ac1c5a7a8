import type { contactCreateInput, contactUpdateInput } from '@baken/core/contacts/contact.schema';
import { normalizeContactInput } from '@baken/core/contacts/contact-input';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../platform/db/schema.ts';
import { assertNoFieldProblems } from '../platform/records/field-problems.ts';
import { recordService } from '../platform/records/record-service.ts';
import { defaultCountryOf } from '../workspaces/workspaces.service.ts';
import { contactStore, listContacts } from './contacts.repository.ts';

export const contactService = recordService<
  NonNullable<Awaited<ReturnType<typeof contactStore.find>>>,
  z.output<typeof contactCreateInput>,
  z.output<typeof contactUpdateInput>
>(contactStore, listContacts, {
  // Phone numbers become E.164 here, not in the request schema: a national number is read in the
  // workspace's default country, which only the service knows (see docs/architecture.md).
  async prepare(ctx, trx, values) {
    if (typeof values.phone !== 'string' && typeof values.mobile !== 'string') return values;
    const defaultCountry = await defaultCountryOf(trx, ctx.actor.workspaceId);
    assertNoFieldProblems(normalizeContactInput(values, defaultCountry));
    return values;
  },
});

/** The company a contact works for: activities logged on the contact show on it too. */
export async function accountIdOfContact(
  db: Kysely<DB>,
  workspaceId: string,
  contactId: string,
): Promise<string | null> {
  return (await contactStore.find(db, workspaceId, contactId))?.accountId ?? null;
}
