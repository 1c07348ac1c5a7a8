import { dealFieldSpecs } from '@baken/core/deals/deal.schema';
import type { FieldSpecs, Filter } from '@baken/core/records/list-query';
import type { ListQuery } from '@baken/core/records/record.schema';
import type { Kysely } from 'kysely';
import { filterCondition } from '../platform/db/list-query.ts';
import type { DB } from '../platform/db/schema.ts';
import { listPage } from '../platform/records/list-page.ts';
import { tableStore } from '../platform/records/table-store.ts';

export const dealStore = tableStore('deals', 'deal', 'Deal');

export function listDeals(db: Kysely<DB>, workspaceId: string, query: ListQuery, customSpecs: FieldSpecs) {
  const base = db.selectFrom('deals').selectAll('deals').where('deals.workspaceId', '=', workspaceId);
  return listPage(base, query, {
    table: 'deals',
    specs: dealFieldSpecs,
    customSpecs,
    defaultSort: '-createdAt',
    search: { db, workspaceId, recordType: 'deal' },
  });
}

export function dealContacts(db: Kysely<DB>, workspaceId: string, dealId: string) {
  return db
    .selectFrom('dealContacts')
    .select(['contactId', 'role', 'createdAt'])
    .where('workspaceId', '=', workspaceId)
    .where('dealId', '=', dealId)
    .orderBy('createdAt')
    .limit(500)
    .execute();
}

export async function upsertDealContact(
  db: Kysely<DB>,
  link: { workspaceId: string; dealId: string; contactId: string; role: string | null; createdAt: Date },
): Promise<void> {
  await db
    .insertInto('dealContacts')
    .values(link)
    .onConflict((conflict) =>
      conflict.columns(['workspaceId', 'dealId', 'contactId']).doUpdateSet({ role: link.role }),
    )
    .execute();
}

export async function deleteDealContact(
  db: Kysely<DB>,
  workspaceId: string,
  dealId: string,
  contactId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('dealContacts')
    .where('workspaceId', '=', workspaceId)
    .where('dealId', '=', dealId)
    .where('contactId', '=', contactId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Count and amounts of the deals that match `filters`, per stage and currency (the board's column heads). */
export function stageSummary(db: Kysely<DB>, workspaceId: string, filters: Filter[]) {
  let query = db
    .selectFrom('deals')
    .select((eb) => [
      'deals.stageId',
      'deals.currency',
      eb.fn.countAll<number>().as('count'),
      eb.fn.coalesce(eb.fn.sum<number>('deals.amount'), eb.lit(0)).as('amount'),
      eb.fn.coalesce(eb.fn.sum<number>('deals.recurringAmount'), eb.lit(0)).as('recurringAmount'),
    ])
    .where('deals.workspaceId', '=', workspaceId);
  for (const filter of filters) query = query.where(filterCondition(filter, 'deals'));
  return query.groupBy(['deals.stageId', 'deals.currency']).orderBy('deals.stageId').execute();
}
