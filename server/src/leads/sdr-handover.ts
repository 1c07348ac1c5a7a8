import { type Kysely, sql } from 'kysely';
import { auditRow } from '../platform/audit/audit.ts';
import type { RequestContext } from '../platform/context.ts';
import type { DB } from '../platform/db/schema.ts';
import { leadRouting } from './handovers.service.ts';

/** The fields of an activity being written, as the write hooks see them. */
type Meeting = Record<string, unknown>;

/** The next account executive in turn; the counter moves in the same statement, so turns never repeat. */
async function nextInTurn(trx: Kysely<DB>, workspaceId: string, people: string[]): Promise<string> {
  const row = await sql<{ turn: number }>`
    update lead_routing set ae_next_turn = ae_next_turn + 1 where workspace_id = ${workspaceId}
    returning ae_next_turn - 1 as turn`.execute(trx);
  return people[Number(row.rows[0]?.turn ?? 0) % people.length]!;
}

/**
 * A meeting a sales development rep books hands their deal to an account executive: the deal it is
 * logged on, or else the rep's open deals at its company. The rep stays on the deal as its SDR (and
 * may go on changing it); runs inside the transaction that writes the meeting.
 */
export async function handMeetingToAccountExecutive(
  ctx: RequestContext,
  trx: Kysely<DB>,
  meeting: Meeting,
): Promise<void> {
  if (meeting.type !== 'meeting' || typeof meeting.ownerId !== 'string') return;
  const { workspaceId } = ctx.actor;
  const handover = (await leadRouting({ ...ctx, db: trx })).routing.sdrHandover;
  const sdr = meeting.ownerId;
  if (!handover?.sdrUserIds.includes(sdr)) return;
  let deals = trx
    .selectFrom('deals')
    .innerJoin('stages', (join) =>
      join.onRef('stages.workspaceId', '=', 'deals.workspaceId').onRef('stages.id', '=', 'deals.stageId'),
    )
    .leftJoin('accounts', (join) =>
      join
        .onRef('accounts.workspaceId', '=', 'deals.workspaceId')
        .onRef('accounts.id', '=', 'deals.accountId'),
    )
    .select(['deals.id', 'deals.ownerId', 'accounts.ownerId as accountOwnerId'])
    .where('deals.workspaceId', '=', workspaceId)
    .where('stages.kind', '=', 'open')
    .where('deals.sdrId', 'is', null)
    .where((eb) => eb.or([eb('deals.ownerId', '=', sdr), eb('deals.ownerId', 'is', null)]));
  if (typeof meeting.dealId === 'string') deals = deals.where('deals.id', '=', meeting.dealId);
  else if (typeof meeting.accountId === 'string')
    deals = deals.where('deals.accountId', '=', meeting.accountId);
  else return;
  for (const deal of await deals.forUpdate('deals').execute()) {
    const accountOwner = deal.accountOwnerId;
    const executive =
      handover.rule === 'account_owner' && accountOwner && handover.aeUserIds.includes(accountOwner)
        ? accountOwner
        : await nextInTurn(trx, workspaceId, handover.aeUserIds);
    const now = ctx.now();
    await trx
      .updateTable('deals')
      .set({ ownerId: executive, sdrId: sdr, updatedAt: now })
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', deal.id)
      .execute();
    const { table, values } = auditRow(ctx, 'update', 'deal', deal.id, {
      ownerId: { from: deal.ownerId, to: executive },
      sdrId: { from: null, to: sdr },
    });
    await trx.insertInto(table).values(values).execute();
  }
}
