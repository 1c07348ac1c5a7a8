import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/**
 * Names the cause of the lifecycle changes the rest of the transaction writes (the triggers of
 * migration 0016 record it); without it a change counts as a person's. `restore` switches recording
 * and rules off: a restore writes the history back as it was.
 */
export async function setLifecycleCause(
  trx: Kysely<DB>,
  cause: 'import' | 'workflow' | 'restore',
): Promise<void> {
  await sql`select set_config('baken.lifecycle_cause', ${cause}, true)`.execute(trx);
}

/** Every stage a contact entered, oldest first; null when the contact is not in the workspace. */
export async function lifecycleHistory(db: Kysely<DB>, workspaceId: string, contactId: string) {
  const contact = await db
    .selectFrom('contacts')
    .select('id')
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (!contact) return null;
  return db
    .selectFrom('lifecycleChanges')
    .select(['id', 'fromStage', 'toStage', 'cause', 'rule', 'changedAt'])
    .where('workspaceId', '=', workspaceId)
    .where('contactId', '=', contactId)
    .orderBy('changedAt')
    .orderBy('id')
    .execute();
}

/** How many contacts of the workspace are in each lifecycle stage (stages without any left out). */
export async function contactsPerStage(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('contacts')
    .select(['lifecycleStage', (eb) => eb.fn.countAll<number>().as('count')])
    .where('workspaceId', '=', workspaceId)
    .groupBy('lifecycleStage')
    .execute();
}
