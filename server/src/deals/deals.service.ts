import { customFieldSpecs } from '@baken/core/custom-fields/custom-field-values';
import {
  type dealBoardQuery,
  type dealCreateInput,
  dealFieldSpecs,
  type dealUpdateInput,
  stageEntryEffects,
} from '@baken/core/deals/deal.schema';
import { parseFilters } from '@baken/core/records/list-query';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { definitionsOf } from '../custom-fields/custom-fields.service.ts';
import { entryStage, pipeline, stageById } from '../pipelines/pipelines.service.ts';
import { audit } from '../platform/audit/audit.ts';
import type { RequestContext } from '../platform/context.ts';
import type { DB } from '../platform/db/schema.ts';
import { invalidField, notFound } from '../platform/errors.ts';
import { recordService } from '../platform/records/record-service.ts';
import { assertCanChange, assertCanWrite } from '../platform/records/record-writes.ts';
import { toApi } from '../platform/records/serialize.ts';
import { workspaceById } from '../workspaces/workspaces.service.ts';
import {
  dealContacts,
  dealStore,
  deleteDealContact,
  listDeals,
  stageSummary,
  upsertDealContact,
} from './deals.repository.ts';

type DealRow = NonNullable<Awaited<ReturnType<typeof dealStore.find>>>;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day it is now in a time zone (YYYY-MM-DD). */
export function todayIn(timeZone: string, now: Date): string {
  // Making a DateTimeFormat costs far more than using one: one per time zone.
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** The stage a write moves the deal into, or null when it stays where it is. */
async function targetStage(
  ctx: RequestContext,
  trx: Kysely<DB>,
  values: Record<string, unknown>,
  before: DealRow | null,
) {
  const stageId = values.stageId as string | undefined;
  const pipelineId = values.pipelineId as string | undefined;
  if (stageId) {
    const stage = await stageById(ctx, trx, stageId);
    if (!stage) throw invalidField('stageId', 'There is no such stage in this workspace.');
    if (pipelineId && stage.pipelineId !== pipelineId)
      throw invalidField('stageId', 'This stage belongs to another pipeline.');
    return stage;
  }
  if (before && (!pipelineId || pipelineId === before.pipelineId)) return null;
  const first = await entryStage(trx, ctx.actor.workspaceId, pipelineId);
  if (!first) {
    throw pipelineId
      ? invalidField('pipelineId', 'There is no such pipeline in this workspace.')
      : invalidField('pipelineId', 'This workspace has no pipeline yet: create one first.');
  }
  return first;
}

export const dealService = recordService<
  DealRow,
  z.output<typeof dealCreateInput>,
  z.output<typeof dealUpdateInput>
>(dealStore, listDeals, {
  async prepare(ctx, trx, values, before) {
    const stage = await targetStage(ctx, trx, values, before);
    if (!stage || stage.id === before?.stageId) return values;
    // Only a won or lost stage stamps the close date, which is a day in the workspace's time zone;
    // an open stage needs neither (stageEntryEffects reads `today` for closed stages only).
    const closes = stage.kind !== 'open';
    const workspace = closes ? await workspaceById(trx, ctx.actor.workspaceId) : null;
    const today = closes ? todayIn(workspace?.timeZone ?? 'Europe/Amsterdam', ctx.now()) : '';
    const explicit = values as {
      probability?: number;
      actualCloseDate?: string | null;
      forecastCategory?: string;
    };
    return { ...values, ...stageEntryEffects(stage, explicit, before, today), stageEnteredAt: ctx.now() };
  },
  // Every stage a deal enters is kept with its time: the ground truth for cycle length and funnel conversion.
  alongside(ctx, id, values, before) {
    const stageId = (values.stageId as string | undefined) ?? before?.stageId;
    if (!stageId || (before && before.stageId === stageId)) return [];
    return [
      {
        table: 'dealStageChanges',
        values: {
          workspaceId: ctx.actor.workspaceId,
          id: ctx.newId(),
          dealId: id,
          fromStageId: before?.stageId ?? null,
          toStageId: stageId,
          changedAt: ctx.now(),
          changedBy: ctx.actor.userId,
        },
      },
    ];
  },
});

async function dealForChange(ctx: RequestContext, trx: Kysely<DB>, dealId: string) {
  assertCanWrite(ctx);
  const deal = await dealStore.find(trx, ctx.actor.workspaceId, dealId, true);
  if (!deal) throw notFound('Deal');
  assertCanChange(ctx, deal.ownerId, 'deal');
  return deal;
}

export async function contactsOfDeal(ctx: RequestContext, dealId: string) {
  if (!(await dealStore.find(ctx.db, ctx.actor.workspaceId, dealId))) throw notFound('Deal');
  return (await dealContacts(ctx.db, ctx.actor.workspaceId, dealId)).map(toApi);
}

export async function linkContactToDeal(
  ctx: RequestContext,
  dealId: string,
  contactId: string,
  role: string | null,
) {
  await ctx.db.transaction().execute(async (trx) => {
    await dealForChange(ctx, trx, dealId);
    // The time of the link is when the lifecycle rule moves the contact on (an open deal: opportunity).
    await upsertDealContact(trx, {
      workspaceId: ctx.actor.workspaceId,
      dealId,
      contactId,
      role,
      createdAt: ctx.now(),
    });
    await audit(ctx, trx, 'update', 'deal', dealId, { contacts: { added: contactId, role } });
  });
  return contactsOfDeal(ctx, dealId);
}

export async function unlinkContactFromDeal(
  ctx: RequestContext,
  dealId: string,
  contactId: string,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await dealForChange(ctx, trx, dealId);
    if ((await deleteDealContact(trx, ctx.actor.workspaceId, dealId, contactId)) === 0)
      throw notFound('Contact on this deal');
    await audit(ctx, trx, 'update', 'deal', dealId, { contacts: { removed: contactId } });
  });
}

/** Per stage and currency: how many deals match the filters and what they are worth. */
export async function dealSummary(ctx: RequestContext, filter: string | string[] | undefined) {
  const definitions = await definitionsOf(ctx, ctx.db, 'deal');
  const filters = parseFilters(filter, dealFieldSpecs, customFieldSpecs(definitions));
  return stageSummary(ctx.db, ctx.actor.workspaceId, filters);
}

/**
 * A board: the column heads over every matching deal of the pipeline, and each stage's first deals
 * in the order and with the cursors of the deals list, so "show more" simply asks that list.
 */
export async function dealBoard(ctx: RequestContext, query: z.output<typeof dealBoardQuery>) {
  const board = await pipeline(ctx, query.pipelineId);
  const filter = [`pipelineId:eq:${board.id}`, ...[query.filter ?? []].flat()];
  const summary = await dealSummary(ctx, filter);
  const columns = [];
  for (const stage of board.stages) {
    const page = await dealService.list(ctx, {
      filter: [...filter, `stageId:eq:${stage.id}`],
      sort: 'expectedCloseDate',
      limit: query.limit,
    });
    columns.push({ stageId: stage.id, ...page });
  }
  return { summary, columns };
}

/** The company a deal is with: activities logged on the deal show on it too. */
export async function accountIdOfDeal(
  db: Kysely<DB>,
  workspaceId: string,
  dealId: string,
): Promise<string | null> {
  return (await dealStore.find(db, workspaceId, dealId))?.accountId ?? null;
}
