import { icpFit } from '@baken/core/scoring/icp';
import type { Icp as IcpInput } from '@baken/core/scoring/icp.schema';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAccount,
  createDeal,
  defaultPipeline,
  defineCustomField,
  expectProblem,
  type Pipeline,
  stageNamed,
} from '../../test/factories.ts';
import {
  addMember,
  type Client,
  createTestApp,
  otherWorkspaceOwner,
  setUpOwner,
  type TestApp,
} from '../../test/harness.ts';
import { runJobs } from '../../test/imports.ts';
import { sweepStaleFit } from './icp.service.ts';

const icp: IcpInput = {
  fitThreshold: 60,
  criteria: [
    {
      id: 'software',
      label: 'Software',
      field: 'industryCode',
      condition: { op: 'startsWithAny', prefixes: ['62'] },
      weight: 3,
    },
    {
      id: 'size',
      label: '10-250 employees',
      field: 'employeeCount',
      condition: { op: 'between', min: 10, max: 250 },
      weight: 2,
    },
    {
      id: 'benelux',
      label: 'Benelux',
      field: 'country',
      condition: { op: 'in', values: ['NL', 'BE'] },
      weight: 1,
    },
    {
      id: 'hubspot',
      label: 'Uses HubSpot',
      field: 'technologies',
      condition: { op: 'hasAny', values: ['hubspot'] },
      weight: 1,
    },
    {
      id: 'no-exact',
      label: 'Not on Exact',
      field: 'technologies',
      condition: { op: 'hasNone', values: ['Exact Online'] },
      weight: 1,
    },
    { id: 'mkb', label: 'MKB', field: 'custom.segment', condition: { op: 'eq', value: 'MKB' }, weight: 1 },
    { id: 'unweighted', label: 'Ignored', field: 'city', condition: { op: 'filled' }, weight: 0 },
  ],
};

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('ideal customer profile and account fit', () => {
  let test: TestApp;
  let owner: Client;
  let pipeline: Pipeline;
  const fitOf = async (id: string) =>
    (await owner.ok<{ score: number | null; matches: boolean }>('GET', `/api/v1/accounts/${id}/fit`)).score;
  const stored = async (id: string) =>
    (
      await sql<{
        score: number | null;
      }>`select score from account_fit_scores where account_id = ${id}`.execute(test.ctx.db)
    ).rows[0]?.score;

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
    pipeline = await defaultPipeline(owner);
    await defineCustomField(owner, {
      recordType: 'account',
      key: 'segment',
      label: 'Segment',
      type: 'select',
      options: ['MKB', 'Enterprise'],
    });
  });
  afterAll(() => test.close());

  it('has no fit, prospects or market before a profile exists', async () => {
    const account = await createAccount(owner, { name: 'Vroeg BV' });
    expect(await owner.ok('GET', '/api/v1/icp')).toEqual({ icp: null, updatedAt: null });
    expect(await fitOf(account.id)).toBeNull();
    expect((await owner.ok<{ data: unknown[] }>('GET', '/api/v1/prospects')).data).toEqual([]);
    expectProblem(await owner.get('/api/v1/icp/tam'), 409);
  });

  it('lets managers save a profile, naming a custom field that does not exist', async () => {
    const sales = await addMember(test.app, owner, 'sales');
    expectProblem(await sales.put('/api/v1/icp', icp), 403);
    const unknown = {
      ...icp,
      criteria: [{ ...icp.criteria[0]!, id: 'x', field: 'custom.nope' }],
    };
    expectProblem(await owner.put('/api/v1/icp', unknown), 422, 'criteria.0.field');
    await owner.ok('PUT', '/api/v1/icp', icp);
    expect((await owner.ok<{ icp: IcpInput }>('GET', '/api/v1/icp')).icp).toEqual(icp);
  });

  it('scores every company in SQL exactly as core does, and again after a company changes', async () => {
    const next = random(20261127);
    const pick = <T>(values: T[]) => values[Math.floor(next() * values.length)]!;
    const accounts = [];
    for (let index = 0; index < 30; index++) {
      accounts.push(
        await createAccount(owner, {
          name: `Fit ${index} BV`,
          industryCode: pick([null, '62010', '6201', '47110', '62090']),
          employeeCount: pick([null, 5, 10, 120, 250, 251]),
          country: pick([null, 'NL', 'BE', 'DE']),
          technologies: pick([[], ['HubSpot'], ['WordPress', 'hubspot'], ['Exact Online']]),
          city: pick([null, 'Utrecht']),
          custom: pick([{}, { segment: 'MKB' }, { segment: 'Enterprise' }]),
        }),
      );
    }
    await runJobs(test.ctx);
    for (const account of accounts) {
      const expected = icpFit(icp.criteria, account).score;
      expect(await stored(account.id), account.name).toBe(expected);
      expect(await fitOf(account.id), account.name).toBe(expected);
    }
    expect(new Set(await Promise.all(accounts.map((account) => stored(account.id)))).size).toBeGreaterThan(3);

    const changed = accounts[0]!;
    await owner.ok('PATCH', `/api/v1/accounts/${changed.id}`, {
      industryCode: '62010',
      employeeCount: 40,
      country: 'NL',
      technologies: ['HubSpot'],
      custom: { segment: 'MKB' },
    });
    expect(await stored(changed.id)).toBeNull();
    await sweepStaleFit(test.ctx);
    expect(await stored(changed.id)).toBe(100);
  });

  it('lists prospects: matching companies without an open or won deal that are not customers, best first, in pages', async () => {
    const top = await createAccount(owner, {
      name: 'Prospect Top BV',
      industryCode: '62010',
      employeeCount: 50,
      country: 'NL',
      technologies: ['HubSpot'],
      custom: { segment: 'MKB' },
    });
    const busy = await createAccount(owner, {
      name: 'Bezig BV',
      industryCode: '62010',
      employeeCount: 50,
      country: 'NL',
    });
    await createDeal(owner, { name: 'Lopende deal', accountId: busy.id, pipelineId: pipeline.id });
    const bought = await createAccount(owner, {
      name: 'Kocht BV',
      industryCode: '62010',
      employeeCount: 50,
      country: 'NL',
    });
    await createDeal(owner, {
      name: 'Gewonnen deal',
      accountId: bought.id,
      pipelineId: pipeline.id,
      stageId: stageNamed(pipeline, 'Closed won').id,
    });
    const client = await createAccount(owner, {
      name: 'Klant BV',
      industryCode: '62010',
      employeeCount: 50,
      country: 'NL',
      customerStatus: 'customer',
    });
    await sweepStaleFit(test.ctx);
    type Prospect = { id: string; fit: number };
    const first = await owner.ok<{ data: Prospect[]; nextCursor: string | null }>(
      'GET',
      '/api/v1/prospects?limit=2',
    );
    expect(first.data[0]!.fit).toBe(100);
    const all: Prospect[] = [...first.data];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await owner.ok<{ data: Prospect[]; nextCursor: string | null }>(
        'GET',
        `/api/v1/prospects?limit=2&cursor=${cursor}`,
      );
      all.push(...page.data);
      cursor = page.nextCursor;
    }
    const ids = all.map((prospect) => prospect.id);
    expect(ids).toContain(top.id);
    expect(ids).not.toContain(busy.id);
    expect(ids).not.toContain(client.id);
    expect(ids).not.toContain(bought.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.every((prospect) => prospect.fit >= icp.fitThreshold)).toBe(true);
    expect(all.map((prospect) => prospect.fit)).toEqual(
      [...all.map((prospect) => prospect.fit)].sort((a, b) => b - a),
    );
    expectProblem(await owner.get('/api/v1/prospects?cursor=rommel'), 422, 'cursor');
  });

  it('suggests the traits of the customers worth most, with support and lift, ready to adopt', async () => {
    // A workspace of its own, so that only these companies count.
    const owner = await otherWorkspaceOwner(test, 'Klanten BV');
    const pipeline = await defaultPipeline(owner);
    const won = stageNamed(pipeline, 'Closed won');
    // Eight customers: the four worth most are software companies of 50-249 people.
    await createAccount(owner, { name: 'Nog geen klant BV', industryCode: '62010', employeeCount: 80 });
    for (let index = 0; index < 8; index++) {
      const best = index < 4;
      const account = await createAccount(owner, {
        name: `Klant ${index} BV`,
        industryCode: best ? '62020' : '47190',
        employeeCount: best ? 80 : 5,
        country: 'NL',
      });
      await createDeal(owner, {
        name: `Gewonnen ${index}`,
        accountId: account.id,
        pipelineId: pipeline.id,
        stageId: won.id,
        amount: best ? 5_000_000 : 100_000,
      });
    }
    const answer = await owner.ok<{
      bestCustomers: number;
      customers: number;
      suggestions: { field: string; value: string; support: number; lift: number; criterion: unknown }[];
    }>('GET', '/api/v1/icp/suggestions');
    expect(answer).toMatchObject({ accounts: 9, customers: 8, bestCustomers: 2 });
    const software = answer.suggestions.find(
      (suggestion) => suggestion.field === 'industry' && suggestion.value === '62',
    );
    expect(software?.support).toBe(1);
    expect(software?.lift).toBeGreaterThan(1.5);
    expect(software?.criterion).toMatchObject({
      field: 'industryCode',
      condition: { op: 'startsWithAny', prefixes: ['62'] },
    });
    expect(answer.suggestions.find((suggestion) => suggestion.value === '47')).toBeUndefined();
  });

  it('sizes the market in the database and in the company register, valued at the average won deal', async () => {
    await sql`insert into company_register (line, kvk_number, fields)
      select i, lpad(i::text, 8, '0'), jsonb_build_object('name', 'Register ' || i,
        'industryCode', case when i % 2 = 0 then '62010' else '47110' end,
        'employeeCount', 20 + i, 'country', 'NL')
      from generate_series(1, 40) i`.execute(test.ctx.db);
    const tam = await owner.ok<{
      averageDealValue: number;
      database: { accounts: number; estimatedValue: number };
      register: { companies: number; criteriaUsed: string[] } | null;
      bySegment: { segment: string | null; accounts: number; registerCompanies: number }[];
    }>('GET', '/api/v1/icp/tam');
    const matching = await sql<{
      n: number;
    }>`select count(*)::int as n from account_fit_scores where score >= 60`.execute(test.ctx.db);
    expect(tam.database.accounts).toBe(matching.rows[0]!.n);
    expect(tam.database.estimatedValue).toBe(tam.database.accounts * tam.averageDealValue);
    // On the register's fields: software 3, 10-250 people 2, Benelux 1 of 6: the 20 software ones match.
    expect(tam.register).toMatchObject({
      companies: 20,
      criteriaUsed: ['software', 'size', 'benelux', 'unweighted'],
    });
    expect(tam.bySegment.find((segment) => segment.segment === '62')?.registerCompanies).toBe(20);
  });

  it("keeps another workspace's companies out of reach", async () => {
    const account = await createAccount(owner, { name: 'Geheim BV', industryCode: '62010' });
    const stranger = await otherWorkspaceOwner(test, 'Ander BV');
    expectProblem(await stranger.get(`/api/v1/accounts/${account.id}/fit`), 404);
    expect((await stranger.ok<{ icp: null }>('GET', '/api/v1/icp')).icp).toBeNull();
    expect((await stranger.ok<{ data: unknown[] }>('GET', '/api/v1/prospects')).data).toEqual([]);
  });
});
