import { defaultScoringModel } from '@baken/core/scoring/scoring-model.schema';
import { sql } from 'kysely';
import { rescore } from '../../server/src/scoring/scores.repository.ts';
import { TABLE } from '../lib/bench-plan.ts';
import { benchId, rowRandom } from '../lib/row-random.ts';
import { timed } from '../lib/samples.ts';
import { measureApiAgainstSql, type Scenario, type ScenarioContext } from '../lib/scenario.ts';

/**
 * Behaviour as a marketing site leaves it: a third of the contacts visited, each with three page
 * views (one of them the pricing page) over the last 90 days, and one in nine submitted a form.
 * Planted once per database, by SQL.
 */
async function plantEvents(context: ScenarioContext): Promise<number> {
  const { db } = context.bench.database;
  const workspaceId = context.workspace.workspaceId;
  const { rows } = await sql<{ planted: boolean }>`select exists (select 1 from contact_events
    where workspace_id = ${workspaceId}) as planted`.execute(db);
  if (!rows[0]?.planted) {
    await sql`
      insert into contact_events (workspace_id, id, contact_id, type, path, occurred_at)
      select c.workspace_id, gen_random_uuid(), c.id, e.type, e.path,
        timestamptz '2026-11-01' - (abs(hashtext(c.id::text || e.n)) % 90) * interval '1 day'
      from contacts c
      cross join lateral (values
        (1, 'page_view', '/'), (2, 'page_view', '/pricing'), (3, 'page_view', '/blog/crm-kiezen'),
        (4, 'form_submit', null)) as e(n, type, path)
      where c.workspace_id = ${workspaceId} and abs(hashtext(c.id::text)) % 3 = 0
        and (e.type <> 'form_submit' or abs(hashtext(c.id::text)) % 9 = 0)`.execute(db);
    await sql`analyze contact_events`.execute(db);
  }
  const { rows: count } = await sql<{ count: number }>`select count(*)::int as count from contact_events
    where workspace_id = ${workspaceId}`.execute(db);
  return count[0]!.count;
}

/** One event of a contact (the pricing page): stored, and the contact rescored, in one transaction. */
export const scoreEventScenario: Scenario = {
  name: 'score-event',
  title: 'Record a behaviour event of a contact and update their score (and lifecycle)',
  targetP95Ms: 20,
  run: async (context) => {
    await plantEvents(context);
    return measureApiAgainstSql(context, (iteration) => {
      const index = rowRandom(context.workspace.seed, 97, iteration).int(
        0,
        context.workspace.size.contacts - 1,
      );
      return {
        requests: [
          {
            method: 'POST',
            url: `/api/v1/contacts/${benchId(TABLE.contacts, index)}/events`,
            payload: { type: 'page_view', path: '/pricing' },
          },
        ],
      };
    });
  },
};

/**
 * Rescoring every contact after a model change, as the rescore job does it: one statement in one
 * transaction. The first run writes every score; later ones only those that changed (decay moves
 * engagement with the clock). Target: under 30 s for 1,000,000 contacts on PostgreSQL.
 */
export const rescoreScenario: Scenario = {
  name: 'rescore',
  title: 'Rescore every contact with the default model (fit and decayed engagement), one run each',
  targetP95Ms: 30_000,
  run: async (context) => {
    const events = await plantEvents(context);
    console.log(`rescore: ${events.toLocaleString('en')} behaviour events`);
    const { db } = context.bench.database;
    const api: number[] = [];
    for (let run = 0; run < Math.min(context.iterations, 3); run++) {
      let changed = 0;
      const now = new Date(Date.UTC(2026, 10, 1 + run * 7));
      api.push(
        await timed(() =>
          db.transaction().execute(async (trx) => {
            changed = await rescore(trx, context.workspace.workspaceId, defaultScoringModel, now);
          }),
        ),
      );
      console.log(`rescore: run ${run + 1}: ${changed.toLocaleString('en')} scores changed`);
    }
    return { api };
  },
};
