import { measureApiAgainstSql, type Scenario } from '../lib/scenario.ts';

/** What the deals board loads for a pipeline: per-stage counts and sums, and the first page of deals. */
export const dealsBoardScenario: Scenario = {
  name: 'deals-board',
  title: 'Deals board: stage summary + first page of 50 deals of one pipeline',
  run: (context) =>
    measureApiAgainstSql(context, () => {
      const filter = encodeURIComponent(`pipelineId:eq:${context.workspace.pipelineId}`);
      return {
        requests: [
          { method: 'GET', url: `/api/v1/deals/summary?filter=${filter}` },
          { method: 'GET', url: `/api/v1/deals?filter=${filter}&limit=50` },
        ],
      };
    }),
};
