import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface AuditEntry {
  workspaceId: string;
  id: string;
  at: Date;
  actorUserId: string | null;
  actorTokenId: string | null;
  action: 'create' | 'update' | 'delete';
  entityType: string;
  entityId: string;
  changes: Record<string, unknown>;
}

export async function insertAuditEntries(db: Kysely<DB>, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('auditLog')
    .values(entries.map((entry) => ({ ...entry, changes: JSON.stringify(entry.changes) })))
    .execute();
}
