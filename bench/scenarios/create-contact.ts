import { TABLE } from '../lib/bench-plan.ts';
import { benchId } from '../lib/row-random.ts';
import { measureApiAgainstSql, type Scenario } from '../lib/scenario.ts';

/** A new contact at an existing account (validation, insert, audit row, in one transaction). */
export const createContactScenario: Scenario = {
  name: 'create-contact',
  title: 'Create a contact (with audit row)',
  run: (context) =>
    measureApiAgainstSql(context, (iteration) => {
      // Unique per run as well as per iteration: the same database may see several scenario runs.
      const email = `nieuw.${Date.now().toString(36)}.${iteration}@bench.baken.test`;
      const accountIndex = (iteration * 7919) % context.workspace.size.accounts;
      return {
        requests: [
          {
            method: 'POST',
            url: '/api/v1/contacts',
            payload: {
              firstName: 'Sanne',
              lastName: 'van der Meer',
              email,
              jobTitle: 'Inkoper',
              accountId: benchId(TABLE.accounts, accountIndex),
              lifecycleStage: 'lead',
            },
          },
        ],
        vary: new Map([[email, `replay.${email}`]]),
      };
    }),
};
