import { lifecycleStages } from '@baken/core/contacts/contact.schema';
import { measureApiAgainstSql, type Scenario } from '../lib/scenario.ts';

/** The contacts list of one owner narrowed to one lifecycle stage, sorted by last name: a salesperson's work list. */
export const contactsListScenario: Scenario = {
  name: 'contacts-list',
  title: 'Contacts list: owner + stage filter, sorted by last name, first page of 50',
  targetP95Ms: 50,
  run: (context) =>
    measureApiAgainstSql(context, (iteration) => {
      const owners = context.workspace.ownerIds;
      const owner = owners[iteration % owners.length]!;
      const stage = lifecycleStages[iteration % lifecycleStages.length]!;
      const query = new URLSearchParams([
        ['filter', `ownerId:eq:${owner}`],
        ['filter', `lifecycleStage:eq:${stage}`],
        ['sort', 'lastName'],
        ['limit', '50'],
      ]);
      return { requests: [{ method: 'GET', url: `/api/v1/contacts?${query}` }] };
    }),
};
