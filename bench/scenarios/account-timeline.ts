import { measureApiAgainstSql, type Scenario } from '../lib/scenario.ts';

/** The timeline of the account with the most contacts, deals and activities: the heaviest one there is. */
export const accountTimelineScenario: Scenario = {
  name: 'account-timeline',
  title: 'Timeline of the busiest account, first page of 50',
  targetP95Ms: 50,
  run: (context) =>
    measureApiAgainstSql(context, () => ({
      requests: [
        { method: 'GET', url: `/api/v1/accounts/${context.workspace.busyAccountId}/timeline?limit=50` },
      ],
    })),
};
