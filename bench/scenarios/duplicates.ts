import { sql } from 'kysely';
import { runDuplicateScan } from '../../server/src/duplicates/duplicate-scan.job.ts';
import { TABLE } from '../lib/bench-plan.ts';
import { contactRow } from '../lib/contact-rows.ts';
import { benchId, rowRandom } from '../lib/row-random.ts';
import { timed } from '../lib/samples.ts';
import { measureApiAgainstSql, type Scenario, type ScenarioContext } from '../lib/scenario.ts';

/**
 * One contact in a hundred gets a twin, as imports and hurried typing make them: the same address
 * with a +label, the same mobile number, the name with two letters swapped, at the same company.
 * Planted once per database (the twins' ids are derived from the originals' by a fixed prefix).
 */
async function plantTwins(context: ScenarioContext): Promise<number> {
  const { db } = context.bench.database;
  const workspaceId = context.workspace.workspaceId;
  await sql`
    insert into contacts (workspace_id, id, first_name, last_name, email, mobile, job_title, account_id,
      lifecycle_stage, owner_id, created_at, updated_at)
    select workspace_id, ('dddddddd' || substr(id::text, 9))::uuid, first_name,
      left(last_name, 1) || substr(last_name, 3, 1) || substr(last_name, 2, 1) || substr(last_name, 4),
      replace(email, '@', '+dubbel@'), mobile, job_title, account_id, lifecycle_stage, owner_id, created_at, updated_at
    from contacts
    where workspace_id = ${workspaceId} and abs(hashtext(id::text)) % 100 = 0
      and not exists (select 1 from contacts d where d.workspace_id = ${workspaceId}
        and d.id = ('dddddddd' || substr(contacts.id::text, 9))::uuid)
    on conflict do nothing`.execute(db);
  await sql`analyze contacts`.execute(db);
  const planted = await sql<{ count: number }>`select count(*)::int as count from contacts
    where workspace_id = ${workspaceId} and id::text like 'dddddddd%'`.execute(db);
  return planted.rows[0]!.count;
}

/**
 * A full scan of every contact and account, as the background job runs it: candidates per signal,
 * every signal per candidate pair, scoring and storing. Target: under 60 s for 1,000,000 contacts
 * on PostgreSQL. At most three runs (the later ones update the pairs the first stored).
 */
export const duplicateScanScenario: Scenario = {
  name: 'duplicate-scan',
  title: 'Full duplicate scan of contacts and accounts (background job), one run',
  targetP95Ms: 60_000,
  run: async (context) => {
    const twins = await plantTwins(context);
    console.log(`duplicate-scan: ${twins} planted twins`);
    const api: number[] = [];
    for (let run = 0; run < Math.min(context.iterations, 3); run++) {
      const scan = (await context.app.request('POST', '/api/v1/duplicates/scan', {})) as { id: string };
      api.push(await timed(() => runDuplicateScan(context.app.ctx, context.workspace.workspaceId, scan.id)));
      const status = (await context.app.request('GET', '/api/v1/duplicates/scan')) as {
        scan: { pairsFound: number; status: string };
      };
      console.log(`duplicate-scan: run ${run + 1}: ${status.scan.status}, ${status.scan.pairsFound} pairs`);
    }
    return { api };
  },
};

/** The check a new-contact form makes before saving: an email key, a name at the company. */
export const duplicatesCheckScenario: Scenario = {
  name: 'duplicates-check',
  title: 'Likely duplicates of a contact about to be created (email key, phone, name at the company)',
  targetP95Ms: 100,
  run: (context) =>
    measureApiAgainstSql(context, (iteration) => {
      const index = rowRandom(context.workspace.seed, 98, iteration).int(
        0,
        context.workspace.size.contacts - 1,
      );
      const contact = contactRow(context.workspace, index);
      const [firstName, lastName, email, mobile] = contact.slice(2, 6) as string[];
      const query = new URLSearchParams({
        firstName: firstName!,
        lastName: lastName!,
        email: email!.replace('@', '+nieuw@'),
        phone: mobile!,
        accountId: benchId(TABLE.accounts, 0),
      });
      return { requests: [{ method: 'GET', url: `/api/v1/contacts/duplicates-check?${query}` }] };
    }),
};

/** The data health page: every count over every contact and account. Ten runs. */
export const dataHealthScenario: Scenario = {
  name: 'data-health',
  title: 'Data health counts (one pass per table, stale anti-joins, open pairs)',
  run: (context) =>
    measureApiAgainstSql({ ...context, iterations: Math.min(context.iterations, 10), warmup: 1 }, () => ({
      requests: [{ method: 'GET', url: '/api/v1/data-health?staleMonths=12' }],
    })),
};
