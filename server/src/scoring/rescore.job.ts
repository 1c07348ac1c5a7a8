import { defineJob } from '../platform/jobs/jobs.ts';
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
