import { type BehaviourEvent, leadScore, type ScoringModel } from '@baken/core/scoring/lead-score';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createContact } from '../../test/factories.ts';
import { type Client, createTestApp, setUpOwner, type TestApp } from '../../test/harness.ts';
import { rescore, scoresOf } from './scores.repository.ts';

const now = new Date('2026-11-27T12:00:00Z');
const DAY = 86_400_000;

const model: ScoringModel = {
  fit: [
    {
      id: 'dm',
      label: 'Decision maker',
      field: 'persona',
      condition: { op: 'eq', value: 'decision_maker' },
      points: 20,
    },
    {
      id: 'title',
      label: 'Buyer',
      field: 'jobTitle',
      condition: { op: 'containsAny', words: ['inkoop', 'Directeur'] },
      points: 10,
    },
    { id: 'notitle', label: 'No title', field: 'jobTitle', condition: { op: 'empty' }, points: -5 },
    {
      id: 'size',
      label: 'Mid-size',
      field: 'account.employeeCount',
      condition: { op: 'between', min: 50, max: 500 },
      points: 15,
    },
    {
      id: 'benelux',
      label: 'Benelux',
      field: 'account.country',
      condition: { op: 'in', values: ['nl', 'BE'] },
      points: 5,
    },
    {
      id: 'crm',
      label: 'Uses a CRM',
      field: 'account.technologies',
      condition: { op: 'hasAny', values: ['hubspot', 'Salesforce'] },
      points: 7.5,
    },
    { id: 'vip', label: 'VIP tag', field: 'tags', condition: { op: 'eq', value: 'VIP' }, points: 3 },
  ],
  engagement: [
    { id: 'pricing', label: 'Pricing', event: 'page_view', pathContains: '/pricing', points: 10, cap: 25 },
    { id: 'views', label: 'Views', event: 'page_view', points: 1, cap: 6 },
    { id: 'form', label: 'Form', event: 'form_submit', points: 20 },
    { id: 'unsub', label: 'Unsubscribed', event: 'unsubscribe', points: -15 },
  ],
  halfLifeDays: 21,
  mqlThreshold: 45,
};

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('scoring in SQL', () => {
  let test: TestApp;
  let owner: Client;
  let workspaceId: string;
  const expected = new Map<string, ReturnType<typeof leadScore>>();

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
    workspaceId = (await test.ctx.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow()).id;
    const next = random(20261127);
    const pick = <T>(values: T[]) => values[Math.floor(next() * values.length)]!;
    const accounts = [];
    for (let i = 0; i < 6; i++) {
      const fields = {
        employeeCount: pick([null, 5, 50, 120, 500, 501]),
        country: pick([null, 'NL', 'BE', 'DE']),
        technologies: pick([[], ['HubSpot'], ['WordPress', 'salesforce'], ['WordPress']]),
      };
      accounts.push({ ...(await createAccount(owner, fields)), ...fields });
    }
    for (let i = 0; i < 40; i++) {
      const account = pick([null, ...accounts]);
      const fields = {
        persona: pick([null, 'decision_maker', 'user']),
        jobTitle: pick([null, 'Directeur', 'Hoofd inkoop', 'Student', 'directeur operations']),
        tags: pick([[], ['vip'], ['klant', 'VIP'], ['klant']]),
        accountId: account?.id ?? null,
      };
      const contact = await createContact(owner, fields);
      const events: BehaviourEvent[] = [];
      const count = Math.floor(next() * 7);
      for (let e = 0; e < count; e++) {
        events.push({
          type: pick(['page_view', 'page_view', 'form_submit', 'unsubscribe', 'email_open']),
          path: pick([null, '/pricing', '/nl/pricing/team', '/blog']),
          // Some in the future of `now`: they must not count.
          at: new Date(now.getTime() - Math.floor(next() * 90 - 5) * DAY - Math.floor(next() * DAY)),
        });
      }
      if (events.length > 0) {
        await sql`insert into contact_events (workspace_id, id, contact_id, type, path, occurred_at)
          select ${workspaceId}, gen_random_uuid(), ${contact.id}, e.type, e.path, e.at
          from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as e(type text, path text, at timestamptz)`.execute(
          test.ctx.db,
        );
      }
      expected.set(contact.id, leadScore(model, { ...fields, account: account ?? null }, events, now));
    }
  });
  afterAll(() => test.close());

  it('gives every contact the score core computes, to the tenth', async () => {
    expect(await rescore(test.ctx.db, workspaceId, model, now)).toBe(40);
    const scores = await scoresOf(test.ctx.db, workspaceId, [...expected.keys()]);
    expect(scores).toHaveLength(40);
    const differ = scores.filter((row) => {
      const score = expected.get(row.contactId)!;
      return (
        row.fit !== score.fit.points ||
        row.engagement !== score.engagement.points ||
        row.total !== score.total
      );
    });
    expect(differ.map((row) => ({ sql: row, core: expected.get(row.contactId) }))).toEqual([]);
    // The data has both sides of the threshold, so the comparison means something.
    const totals = scores.map((row) => row.total);
    expect(Math.max(...totals)).toBeGreaterThanOrEqual(model.mqlThreshold);
    expect(Math.min(...totals)).toBeLessThan(0);
  });

  it('writes nothing the second time, and moves contacts over the threshold to MQL', async () => {
    expect(await rescore(test.ctx.db, workspaceId, model, now)).toBe(0);
    const { rows } = await sql<{ id: string; stage: string; rule: string | null }>`
      select c.id, c.lifecycle_stage as stage,
        (select l.rule from lifecycle_changes l where l.workspace_id = c.workspace_id and l.contact_id = c.id
          order by l.changed_at desc, l.id desc limit 1) as rule
      from contacts c where c.workspace_id = ${workspaceId}`.execute(test.ctx.db);
    for (const row of rows) {
      const mql = expected.get(row.id)!.isMql;
      expect([row.id, row.stage, row.rule]).toEqual(
        mql ? [row.id, 'mql', 'score_mql'] : [row.id, 'lead', null],
      );
    }
  });
});
