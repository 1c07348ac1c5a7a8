import type { FieldSpecs } from '@baken/core/records/list-query';
import type { ListQuery } from '@baken/core/records/record.schema';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { listPage } from '../platform/records/list-page.ts';

export const auditFieldSpecs: FieldSpecs = {
  entityType: { kind: 'text' },
  entityId: { kind: 'id' },
  action: { kind: 'enum', values: ['create', 'update', 'delete'] },
  actorUserId: { kind: 'id', nullable: true },
  actorTokenId: { kind: 'id', nullable: true },
  at: { kind: 'timestamp', sortable: true },
};

export function listAuditEntries(db: Kysely<DB>, workspaceId: string, query: ListQuery) {
  const base = db
    .selectFrom('auditLog')
    .selectAll('auditLog')
    .where('auditLog.workspaceId', '=', workspaceId);
  return listPage(base, query, {
    table: 'auditLog',
    specs: auditFieldSpecs,
    defaultSort: '-at',
    search: null,
  });
}
