// Marks the account fields a person changes as theirs, so enrichment keeps its hands off them.
import { type EnrichableField, enrichableFields } from '@baken/core/enrichment/enrichment.schema';
import { sameValue } from '@baken/core/enrichment/enrichment-plan';
import type { RequestContext } from '../platform/context.ts';
import { fieldSourcesOf, saveUserEdits } from './enrichment.repository.ts';

// Technologies are merged rather than owned: a person's entries and a provider's detections live side by side.
const tracked = new Set<string>(enrichableFields.filter((field) => field !== 'technologies'));

/**
 * After a person's change to an account: each tracked field they sent now holds their value, unless it
 * still holds exactly what a provider found (a form that sends every field back unchanged). An
 * emptied field loses its source, so enrichment may fill it again.
 */
export async function recordUserEdits(
  ctx: RequestContext,
  accountId: string,
  input: Record<string, unknown>,
  row: Record<string, unknown>,
): Promise<void> {
  const fields = Object.keys(input).filter((field) => tracked.has(field)) as EnrichableField[];
  if (fields.length === 0) return;
  const { workspaceId } = ctx.actor;
  const sources = new Map((await fieldSourcesOf(ctx.db, workspaceId, accountId)).map((s) => [s.field, s]));
  const edits = fields
    .filter((field) => {
      const source = sources.get(field);
      return !(source?.setBy === 'provider' && sameValue(source.value, row[field]));
    })
    .map((field) => ({ field, value: row[field] === '' || row[field] === undefined ? null : row[field] }));
  await saveUserEdits(ctx.db, workspaceId, accountId, edits, ctx.actor.userId, ctx.now());
}

interface UpdatingService {
  update(ctx: RequestContext, id: string, input: never): Promise<unknown>;
}

/** The accounts service with its `update` marking what a person changed (used by the account routes). */
export function recordingUserEdits<S extends UpdatingService>(service: S): S {
  return {
    ...service,
    async update(ctx: RequestContext, id: string, input: never) {
      const row = await service.update(ctx, id, input);
      await recordUserEdits(ctx, id, input as Record<string, unknown>, row as Record<string, unknown>);
      return row;
    },
  };
}
