import { accountFieldSpecs } from '@baken/core/accounts/account.schema';
import type { FieldSpecs } from '@baken/core/records/list-query';
import type { ListQuery } from '@baken/core/records/record.schema';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { listPage } from '../platform/records/list-page.ts';
import { tableStore } from '../platform/records/table-store.ts';

export const accountStore = tableStore('accounts', 'account', 'Account');

export function listAccounts(db: Kysely<DB>, workspaceId: string, query: ListQuery, customSpecs: FieldSpecs) {
  const base = db
    .selectFrom('accounts')
    .selectAll('accounts')
    .where('accounts.workspaceId', '=', workspaceId);
  return listPage(base, query, {
    table: 'accounts',
    specs: accountFieldSpecs,
    customSpecs,
    defaultSort: 'name',
    search: { db, workspaceId, recordType: 'account' },
  });
}
