import {
  type activityCreateInput,
  type activityUpdateInput,
  occurredAt,
} from '@baken/core/activities/activity.schema';
import type { z } from 'zod';
import { accountIdOfContact } from '../contacts/contacts.service.ts';
import { recordService } from '../platform/records/record-service.ts';
import { activityStore, listActivities } from './activities.repository.ts';

type ActivityRow = NonNullable<Awaited<ReturnType<typeof activityStore.find>>>;

const iso = (value: Date | string | null | undefined) =>
  value instanceof Date ? value.toISOString() : value;

export const activityService = recordService<
  ActivityRow,
  z.output<typeof activityCreateInput>,
  z.output<typeof activityUpdateInput>
>(activityStore, listActivities, {
  async prepare(ctx, trx, values, before) {
    const next = { ...values };
    // A call logged on a contact also shows on the contact's company.
    if (next.contactId && next.accountId === undefined && next.contactId !== before?.contactId) {
      const accountId = await accountIdOfContact(trx, ctx.actor.workspaceId, next.contactId as string);
      if (accountId) next.accountId = accountId;
    }
    const doneAt = next.doneAt !== undefined ? (next.doneAt as string | null) : iso(before?.doneAt);
    const dueAt = next.dueAt !== undefined ? (next.dueAt as string | null) : iso(before?.dueAt);
    const when = occurredAt({ doneAt, dueAt }, before?.createdAt ?? ctx.now());
    if (!before || when !== before.occurredAt.toISOString()) next.occurredAt = new Date(when);
    return next;
  },
});
