import {
  defaultLeadRouting,
  type Handover,
  type handoverDecisionInput,
  type handoverListQuery,
  type LeadRouting,
} from '@baken/core/leads/handover.schema';
import { atLeast } from '@baken/core/platform/roles';
import { addBusinessMinutes } from '@baken/core/sla/business-hours';
import type { z } from 'zod';
import { audit } from '../platform/audit/audit.ts';
import type { RequestContext } from '../platform/context.ts';
import { AppError, invalidField, notFound } from '../platform/errors.ts';
import { decodePairCursor, encodePairCursor } from '../platform/http/pair-cursor.ts';
import { assertCanChange } from '../platform/records/record-writes.ts';
import { memberIds } from '../users/users.repository.ts';
import {
  decideHandover,
  findHandover,
  findRouting,
  listHandovers,
  saveRouting,
} from './handovers.repository.ts';

export async function leadRouting(ctx: RequestContext) {
  const row = await findRouting(ctx.db, ctx.actor.workspaceId);
  // Settings saved before a setting existed take its default.
  return {
    routing: { ...defaultLeadRouting, ...row?.settings },
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** Saves how MQLs are routed and the service levels (managers and above); members only. */
export async function saveLeadRouting(ctx: RequestContext, routing: LeadRouting) {
  if (!atLeast(ctx.actor.role, 'manager'))
    throw new AppError('forbidden', 'Changing lead routing takes a manager, an admin or the owner.');
  const { workspaceId, userId } = ctx.actor;
  const members = await memberIds(ctx.db, workspaceId);
  const handover = routing.sdrHandover;
  const named: [field: string, userId: string][] = [
    ...routing.userIds.map((id, index): [string, string] => [`userIds.${index}`, id]),
    ...routing.territories.map((territory, index): [string, string] => [
      `territories.${index}.userId`,
      territory.userId,
    ]),
    ...(handover?.sdrUserIds ?? []).map((id, index): [string, string] => [
      `sdrHandover.sdrUserIds.${index}`,
      id,
    ]),
    ...(handover?.aeUserIds ?? []).map((id, index): [string, string] => [
      `sdrHandover.aeUserIds.${index}`,
      id,
    ]),
  ];
  const stranger = named.find(([, id]) => !members.has(id));
  if (stranger) throw invalidField(stranger[0], 'This person is not in the workspace.');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findRouting(trx, workspaceId);
    await saveRouting(trx, { workspaceId, settings: routing, updatedAt: ctx.now(), updatedBy: userId });
    await audit(ctx, trx, 'update', 'lead_routing', workspaceId, {
      routing: { from: before?.settings ?? null, to: routing },
    });
  });
  return leadRouting(ctx);
}

function afterCursor(raw: string | undefined) {
  if (!raw) return undefined;
  const { value, id } = decodePairCursor(raw);
  const mqlAt = new Date(value);
  if (Number.isNaN(mqlAt.getTime()))
    throw invalidField('cursor', 'This cursor is not valid: use the nextCursor of a previous page.');
  return { mqlAt, id };
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

type HandoverRow = Awaited<ReturnType<typeof listHandovers>>[number];

/**
 * `routing` works out the deadline of a handover the service level sweep has yet to date (it runs
 * once a minute), so a new lead shows its deadline at once.
 */
function handoverOf(row: HandoverRow, routing: LeadRouting): Handover {
  const name = [row.firstName, row.lastName].filter(Boolean).join(' ') || row.email || '—';
  return {
    id: row.id,
    contactId: row.contactId,
    contactName: name,
    accountName: row.accountName,
    source: row.source,
    routedTo: row.routedTo,
    routedBy: row.routedBy,
    status: row.status,
    reason: row.reason,
    note: row.note,
    mqlAt: row.mqlAt.toISOString(),
    dueAt: (
      row.dueAt ?? addBusinessMinutes(row.mqlAt, routing.firstTouchHours * 60, routing.workingHours)
    ).toISOString(),
    firstTouchAt: iso(row.firstTouchAt),
    breachedAt: iso(row.breachedAt),
    decidedAt: iso(row.decidedAt),
    score: row.score === null ? null : Number(row.score),
  };
}

/** The lead inbox: handovers routed to the caller (or anyone's, or everyone's), newest MQL first. */
export async function handovers(ctx: RequestContext, query: z.output<typeof handoverListQuery>) {
  const ownerId = query.owner === 'me' ? ctx.actor.userId : query.owner === 'all' ? undefined : query.owner;
  if (
    ownerId &&
    ownerId !== ctx.actor.userId &&
    !(await memberIds(ctx.db, ctx.actor.workspaceId)).has(ownerId)
  )
    throw invalidField('owner', 'This person is not in the workspace.');
  const [{ routing }, rows] = await Promise.all([
    leadRouting(ctx),
    listHandovers(ctx.db, ctx.actor.workspaceId, {
      status: query.status,
      ownerId,
      breached: query.breached === undefined ? undefined : query.breached === 'true',
      after: afterCursor(query.cursor),
      limit: query.limit + 1,
    }),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => handoverOf(row, routing)),
    nextCursor:
      rows.length > query.limit && last ? encodePairCursor(last.mqlAt.toISOString(), last.id) : null,
  };
}

/**
 * Sales' answer to an MQL: accept (the contact becomes SQL) or reject with a reason (disqualified).
 * The lead's owner answers, or a manager; an answered lead stays answered.
 */
export async function decide(ctx: RequestContext, id: string, input: z.output<typeof handoverDecisionInput>) {
  const { workspaceId, userId } = ctx.actor;
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const handover = await findHandover(trx, workspaceId, id);
    if (!handover) throw notFound('Lead handover');
    assertCanChange(ctx, handover.routedTo, 'lead');
    if (handover.status !== 'pending')
      throw new AppError('conflict', `This lead was ${handover.status} already.`);
    const status = input.decision === 'accept' ? 'accepted' : 'rejected';
    const reason = input.decision === 'reject' ? input.reason : null;
    await decideHandover(trx, workspaceId, handover, {
      status,
      reason,
      note: input.note ?? null,
      at: now,
      by: userId,
    });
    await audit(ctx, trx, 'update', 'lead_handover', id, {
      status: { from: 'pending', to: status },
      ...(reason ? { reason: { from: null, to: reason } } : {}),
    });
  });
  return handoverById(ctx, id);
}

export async function handoverById(ctx: RequestContext, id: string): Promise<Handover> {
  const [{ routing }, [row]] = await Promise.all([
    leadRouting(ctx),
    listHandovers(ctx.db, ctx.actor.workspaceId, { id, limit: 1 }),
  ]);
  if (!row) throw notFound('Lead handover');
  return handoverOf(row, routing);
}
