import { defineJob, enqueue } from '../platform/jobs/jobs.ts';
import { rescore } from './scores.repository.ts';
import { modelOf } from './scoring.service.ts';

/**
 * Rescores every contact of a workspace after its model changed: one set-based statement, in one
 * transaction, so a crash leaves the old scores whole and the job simply runs again.
 */
export const rescoreJob = defineJob<{ workspaceId: string }>({
  name: 'rescore-contacts',
  async run({ ctx, data }) {
    await ctx.db.transaction().execute(async (trx) => {
      const model = await modelOf(trx, data.workspaceId);
      await rescore(trx, data.workspaceId, model, ctx.now());
    });
  },
});

/**
 * Engagement fades with time, so scores drift without any event: once a day every workspace with
 * contacts is rescored (each its own job, so one large workspace does not hold up the others).
 */
export const dailyRescoreJob = defineJob<Record<string, never>>({
  name: 'rescore-daily',
  everyMinutes: 24 * 60,
  async run({ ctx }) {
    const day = ctx.now().toISOString().slice(0, 10);
    const workspaces = await ctx.db
      .selectFrom('workspaces')
      .select('id')
      .where((eb) =>
        eb.exists(
          eb.selectFrom('contacts').select('id').whereRef('contacts.workspaceId', '=', 'workspaces.id'),
        ),
      )
      .execute();
    for (const { id } of workspaces) {
      await enqueue(ctx.db, rescoreJob, { workspaceId: id }, { key: `${id}:daily:${day}` });
    }
  },
});
