import { defaultLeadRouting } from '@baken/core/leads/handover.schema';
import { addBusinessMinutes } from '@baken/core/sla/business-hours';
import { insertNotifications } from '../notifications/notifications.repository.ts';
import type { AppContext } from '../platform/context.ts';
import { defineJob } from '../platform/jobs/jobs.ts';
import { workspaceOwners } from './reports.repository.ts';
import { setDueDates, settleDeadlines, undatedHandovers } from './sla.repository.ts';

const BATCH = 1000;

/**
 * The service level sweep, at the app's time: works out the first-touch deadline of new handovers
 * in their workspace's business hours, notes first touches, and marks and notifies breaches (the
 * lead's owner; the workspace's owners for a lead nobody was routed to). Safe to run any time, by
 * any number of servers one after another: each step only moves handovers forward.
 */
export async function slaSweep(ctx: AppContext): Promise<{ dated: number; breached: number }> {
  let dated = 0;
  for (;;) {
    const undated = await undatedHandovers(ctx.db, BATCH);
    await setDueDates(
      ctx.db,
      undated.map((row) => {
        const routing = row.settings ?? defaultLeadRouting;
        const dueAt = addBusinessMinutes(row.mqlAt, routing.firstTouchHours * 60, routing.workingHours);
        return { workspaceId: row.workspaceId, id: row.id, dueAt };
      }),
    );
    dated += undated.length;
    if (undated.length < BATCH) break;
  }
  const now = ctx.now();
  const breached = await ctx.db.transaction().execute(async (trx) => {
    const rows = await settleDeadlines(trx, now);
    const unrouted = [...new Set(rows.filter((row) => !row.routedTo).map((row) => row.workspaceId))];
    const owners = await workspaceOwners(trx, unrouted);
    await insertNotifications(
      trx,
      rows.flatMap((row) =>
        (row.routedTo ? [row.routedTo] : (owners.get(row.workspaceId) ?? [])).map((userId) => ({
          workspaceId: row.workspaceId,
          userId,
          kind: 'sla_breach' as const,
          subject: { contactId: row.contactId, name: row.name, dueAt: row.dueAt.toISOString() },
          createdAt: now,
        })),
      ),
    );
    return rows.length;
  });
  return { dated, breached };
}

export const slaSweepJob = defineJob<Record<string, never>>({
  name: 'lead-sla-sweep',
  everyMinutes: 1,
  retryLimit: 0,
  async run({ ctx }) {
    await slaSweep(ctx);
  },
});
