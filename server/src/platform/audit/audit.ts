import type { Kysely } from 'kysely';
import type { RequestContext } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { insertAuditEntries } from './audit.repository.ts';

export type AuditAction = 'create' | 'update' | 'delete';

/** The audit row of a change, for a caller that writes it together with the change itself. */
export function auditRow(
  ctx: RequestContext,
  action: AuditAction,
  entityType: string,
  entityId: string,
  changes: Record<string, unknown>,
) {
  return {
    table: 'auditLog' as const,
    values: {
      workspaceId: ctx.actor.workspaceId,
      id: ctx.newId(),
      at: ctx.now(),
      actorUserId: ctx.actor.userId,
      actorTokenId: ctx.actor.tokenId,
      action,
      entityType,
      entityId,
      changes: JSON.stringify(changes),
    },
  };
}

/** Writes one audit row for a change, inside the caller's transaction: who, when, what changed. */
export async function audit(
  ctx: RequestContext,
  trx: Kysely<DB>,
  action: AuditAction,
  entityType: string,
  entityId: string,
  changes: Record<string, unknown>,
): Promise<void> {
  await insertAuditEntries(trx, [
    {
      workspaceId: ctx.actor.workspaceId,
      id: ctx.newId(),
      at: ctx.now(),
      actorUserId: ctx.actor.userId,
      actorTokenId: ctx.actor.tokenId,
      action,
      entityType,
      entityId,
      changes,
    },
  ]);
}
