import {
  type activityCreateInput,
  type activityUpdateInput,
  occurredAt,
} from '@baken/core/activities/activity.schema';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { accountIdOfContact } from '../contacts/contacts.service.ts';
import { accountIdOfDeal } from '../deals/deals.service.ts';
import { handMeetingToAccountExecutive } from '../leads/sdr-handover.ts';
import type { RequestContext } from '../platform/context.ts';
import type { DB } from '../platform/db/schema.ts';
import { recordService } from '../platform/records/record-service.ts';
import { activityStore, listActivities } from './activities.repository.ts';

type ActivityRow = NonNullable<Awaited<ReturnType<typeof activityStore.find>>>;

const iso = (value: Date | string | null | undefined) =>
  value instanceof Date ? value.toISOString() : value;

async function companyOf(
  ctx: RequestContext,
  trx: Kysely<DB>,
  next: Record<string, unknown>,
  before: ActivityRow | null,
): Promise<string | null> {
  const contactId = next.contactId as string | null | undefined;
  const dealId = next.dealId as string | null | undefined;
  if (contactId && contactId !== before?.contactId) {
    const fromContact = await accountIdOfContact(trx, ctx.actor.workspaceId, contactId);
    if (fromContact) return fromContact;
  }
  if (dealId && dealId !== before?.dealId && !before?.accountId) {
    return accountIdOfDeal(trx, ctx.actor.workspaceId, dealId);
  }
  return null;
}

export const activityService = recordService<
  ActivityRow,
  z.output<typeof activityCreateInput>,
  z.output<typeof activityUpdateInput>
>(activityStore, listActivities, {
  async prepare(ctx, trx, values, before) {
    const next = { ...values };
    // An activity belongs to a company too: the one of its contact, else the one of its deal. The
    // company's timeline then reads one index range instead of chasing contacts and deals.
    if (next.accountId === undefined) {
      const accountId = await companyOf(ctx, trx, next, before);
      if (accountId) next.accountId = accountId;
    }
    const doneAt = next.doneAt !== undefined ? (next.doneAt as string | null) : iso(before?.doneAt);
    const dueAt = next.dueAt !== undefined ? (next.dueAt as string | null) : iso(before?.dueAt);
    const when = occurredAt({ doneAt, dueAt }, before?.createdAt ?? ctx.now());
    if (!before || when !== before.occurredAt.toISOString()) next.occurredAt = new Date(when);
    if (!before) await handMeetingToAccountExecutive(ctx, trx, next);
    return next;
  },
});
