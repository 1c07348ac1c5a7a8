import { TABLE } from '../lib/bench-plan.ts';
import { dealRow } from '../lib/deal-rows.ts';
import { benchId } from '../lib/row-random.ts';
import { measureApiAgainstSql, type Scenario } from '../lib/scenario.ts';

/** Dragging a deal to the next column of the board: update, stage-history row and audit row. */
export const moveDealScenario: Scenario = {
  name: 'move-deal',
  title: 'Move a deal to another stage (PATCH stageId)',
  run: (context) =>
    measureApiAgainstSql(context, (iteration) => {
      const { workspace } = context;
      // A different deal each time, so every move really changes a stage once.
      const dealIndex = (iteration * 104_729 + 11) % workspace.size.deals;
      const current = dealRow(workspace, dealIndex)[5];
      const position = workspace.stages.findIndex((stage) => stage.id === current);
      const next = workspace.stages[(position + 1) % workspace.stages.length]!;
      return {
        requests: [
          {
            method: 'PATCH',
            url: `/api/v1/deals/${benchId(TABLE.deals, dealIndex)}`,
            payload: { stageId: next.id },
          },
        ],
      };
    }),
};
