import type { ScoringModel } from '@baken/core/scoring/lead-score';
import { defaultScoringModel } from '@baken/core/scoring/scoring-model.schema';
import { type KyselyPlugin, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atTime } from '../../test/factories.ts';
import { type Client, createTestApp, setUpOwner, type TestApp } from '../../test/harness.ts';
import { runJobs } from '../../test/imports.ts';
import { rescore } from './scores.repository.ts';

const CONTACTS = 100_000;
const now = new Date('2026-11-27T12:00:00.000Z');

/** Counts the statements sent through a Kysely handle. */
function statementCounter(): KyselyPlugin & { count: number } {
  const counter = {
    count: 0,
    transformQuery: (args: Parameters<KyselyPlugin['transformQuery']>[0]) => {
      counter.count++;
      return args.node;
    },
    transformResult: async (args: Parameters<KyselyPlugin['transformResult']>[0]) => args.result,
  };
  return counter;
}

describe(`rescoring ${CONTACTS.toLocaleString('en')} contacts`, () => {
  let test: TestApp;
  let owner: Client;
  let workspaceId: string;

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
    workspaceId = (await test.ctx.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow()).id;
    // Companies of every size and country, people of every persona and title, a third of them with
    // pricing page visits spread over the last two months.
    await sql`
      insert into accounts (workspace_id, id, name, employee_count, country, technologies)
      select ${workspaceId}, gen_random_uuid(), 'Bulk ' || i, (i * 37) % 600,
        (array['NL', 'BE', 'DE'])[1 + i % 3], case when i % 4 = 0 then array['HubSpot'] else '{}' end
      from generate_series(1, 1000) i`.execute(test.ctx.db);
    await sql`
      insert into contacts (workspace_id, id, last_name, persona, job_title, account_id, lifecycle_stage)
      select ${workspaceId}, gen_random_uuid(), 'Bulk ' || i,
        (array['decision_maker', 'champion', 'user', null, 'influencer'])[1 + i % 5],
        (array['Directeur', 'Hoofd inkoop', 'Student', null, 'Marketeer', 'CEO', 'Stagiair'])[1 + i % 7],
        a.id, 'lead'
      from generate_series(1, ${CONTACTS}) i
      join (select id, row_number() over (order by id) as n from accounts where workspace_id = ${workspaceId}) a
        on a.n = 1 + i % 1000`.execute(test.ctx.db);
    await sql`
      insert into contact_events (workspace_id, id, contact_id, type, path, occurred_at)
      select c.workspace_id, gen_random_uuid(), c.id, 'page_view', '/pricing',
        ${now}::timestamptz - make_interval(days => (abs(hashtext(c.id::text)) % 60)::int)
      from contacts c where c.workspace_id = ${workspaceId} and abs(hashtext(c.id::text)) % 3 = 0`.execute(
      test.ctx.db,
    );
  }, 600_000);
  afterAll(() => test.close());

  const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
    Number((await query.execute(test.ctx.db)).rows[0]?.n);

  it('scores every contact in one statement, and moves those over the threshold to MQL in one more', async () => {
    const counter = statementCounter();
    const model: ScoringModel = { ...defaultScoringModel, mqlThreshold: 40 };
    const written = await rescore(test.ctx.db.withPlugin(counter), workspaceId, model, now);
    expect(counter.count).toBe(2);
    expect(written).toBe(CONTACTS);
    const over = await count(sql`select count(*)::int as n from contact_scores
      where workspace_id = ${workspaceId} and total >= 40`);
    expect(over).toBeGreaterThan(0);
    expect(over).toBeLessThan(CONTACTS);
    expect(
      await count(sql`select count(*)::int as n from contacts
        where workspace_id = ${workspaceId} and lifecycle_stage = 'mql'`),
    ).toBe(over);
    // What the one statement wrote is what core computes for each person, to the tenth.
    const sample = await sql<{ id: string; total: number }>`
      select contact_id as id, total::float8 as total from contact_scores
      where workspace_id = ${workspaceId} order by contact_id limit 25`.execute(test.ctx.db);
    await atTime(test, now.toISOString(), async () => {
      for (const row of sample.rows) {
        const explained = await owner.ok<{ total: number }>('GET', `/api/v1/contacts/${row.id}/score`);
        expect(explained.total, row.id).toBe(row.total);
      }
    });
  }, 600_000);

  it('rescores everyone in the background after a model change, writing only the scores that moved', async () => {
    const before = await sql<{ id: string; total: number }>`
      select contact_id as id, total::float8 as total from contact_scores where workspace_id = ${workspaceId}`
      .execute(test.ctx.db)
      .then((result) => new Map(result.rows.map((row) => [row.id, row.total])));
    // Decision makers count 10 less: only their scores change.
    const model = {
      ...defaultScoringModel,
      mqlThreshold: 40,
      fit: defaultScoringModel.fit.map((rule) =>
        rule.id === 'decision-maker' ? { ...rule, points: rule.points - 10 } : rule,
      ),
    };
    await atTime(test, now.toISOString(), () => owner.ok('PUT', '/api/v1/scoring-model', model));
    await atTime(test, now.toISOString(), () => runJobs(test.ctx));
    const after = await sql<{ id: string; total: number; scoredAt: Date }>`
      select contact_id as id, total::float8 as total, scored_at from contact_scores
      where workspace_id = ${workspaceId}`.execute(test.ctx.db);
    expect(after.rows).toHaveLength(CONTACTS);
    const moved = after.rows.filter((row) => row.total !== before.get(row.id));
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.length).toBeLessThan(CONTACTS);
    for (const row of moved.slice(0, 2000)) {
      const drop = Math.round(((before.get(row.id) ?? 0) - row.total) * 10) / 10;
      expect(drop, row.id).toBeGreaterThan(0);
      expect(drop, row.id).toBeLessThanOrEqual(10);
    }
    const personas = await sql<{ persona: string | null }>`
      select distinct persona from contacts
      where workspace_id = ${workspaceId} and id = any(${moved.map((row) => row.id)}::uuid[])`.execute(
      test.ctx.db,
    );
    expect(personas.rows).toEqual([{ persona: 'decision_maker' }]);
  }, 600_000);
});
