import { accountRow } from '../lib/account-rows.ts';
import { contactRow } from '../lib/contact-rows.ts';
import type { BenchWorkspace } from '../lib/load-workspace.ts';
import { rowRandom } from '../lib/row-random.ts';
import { measureApiAgainstSql, type Scenario } from '../lib/scenario.ts';

/**
 * What people type in the search box: a first name with the start of a last name, the start of an
 * email address, or the start of a company's domain. Terms come from rows that exist.
 */
function searchUrl(workspace: BenchWorkspace, iteration: number): string {
  const random = rowRandom(workspace.seed, 99, iteration);
  const contact = contactRow(workspace, random.int(0, workspace.size.contacts - 1));
  const [firstName, lastName, email] = [contact[2], contact[3], contact[4]] as string[];
  const domain = accountRow(workspace, random.int(0, workspace.size.accounts - 1))[3] as string;
  switch (iteration % 3) {
    case 0:
      return `/api/v1/contacts?q=${encodeURIComponent(`${firstName} ${lastName!.split(' ').at(-1)!.slice(0, 4)}`)}`;
    case 1:
      return `/api/v1/contacts?q=${encodeURIComponent(email!.split('@')[0]!.slice(0, 8))}`;
    default:
      return `/api/v1/accounts?q=${encodeURIComponent(domain.split('.')[0]!.slice(0, 7))}`;
  }
}

export const searchScenario: Scenario = {
  name: 'search',
  title: 'Search (q=): contact name, email prefix, account domain prefix; first page of 50',
  targetP95Ms: 100,
  run: (context) =>
    measureApiAgainstSql(context, (iteration) => ({
      requests: [{ method: 'GET', url: searchUrl(context.workspace, iteration) }],
    })),
};
