import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  atTime,
  createDeal,
  defaultPipeline,
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
  tokenClient,
} from '../../test/harness.ts';

type Standing = {
  userId: string | null;
  quota: number;
  won: number;
  attainment: number | null;
  gap: number;
  openPipeline: number;
  coverage: number | null;
};

describe('quotas and attainment', () => {
  let test: TestApp;
  let owner: Client;
  let sales: Client & { userId: string };
  let pipeline: Pipeline;

  beforeAll(async () => {
    test = await createTestApp();
    owner = await tokenClient(test.app, await setUpOwner(test.app));
    const member = await addMember(test.app, owner, 'sales');
    sales = Object.assign(await tokenClient(test.app, member), { userId: member.userId });
    pipeline = await defaultPipeline(owner);
  });
  afterAll(() => test.close());

  const closeWon = (dealId: string, on: string) =>
    atTime(test, `${on}T10:00:00.000Z`, () =>
      owner.ok('PATCH', `/api/v1/deals/${dealId}`, { stageId: stageNamed(pipeline, 'Closed won').id }),
    );

  it('measures each quota against the deals won in its period, by owner and for everyone', async () => {
    await owner.ok('PUT', '/api/v1/quotas', {
      quotas: [
        { userId: sales.userId, unit: 'quarter', periodStart: '2026-04-01', amount: 100_000 },
        { userId: null, unit: 'quarter', periodStart: '2026-04-01', amount: 300_000 },
      ],
    });
    const mine = await createDeal(owner, { name: 'Van sales', amount: 60_000, ownerId: sales.userId });
    const other = await createDeal(owner, { name: 'Van de eigenaar', amount: 90_000 });
    const late = await createDeal(owner, { name: 'In juli', amount: 500_000, ownerId: sales.userId });
    await createDeal(owner, {
      name: 'Nog open',
      amount: 80_000,
      ownerId: sales.userId,
      expectedCloseDate: '2026-06-15',
    });
    await closeWon(mine.id, '2026-05-04');
    await closeWon(other.id, '2026-06-30');
    await closeWon(late.id, '2026-07-01');

    const { period, data } = await owner.ok<{ period: { label: string }; data: Standing[] }>(
      'GET',
      '/api/v1/quotas/attainment?unit=quarter&date=2026-05-15',
    );
    expect(period.label).toBe('2026-Q2');
    // Sales: 60,000 of 100,000; 40,000 to go, covered twice by 80,000 open.
    expect(data.find((row) => row.userId === sales.userId)).toEqual({
      userId: sales.userId,
      quota: 100_000,
      won: 60_000,
      attainment: 0.6,
      gap: 40_000,
      openPipeline: 80_000,
      coverage: 2,
    });
    // Everyone: 60,000 + 90,000 = 150,000 of 300,000 (the July deal is in Q3).
    expect(data.find((row) => row.userId === null)).toMatchObject({
      won: 150_000,
      attainment: 0.5,
      gap: 150_000,
    });
  });

  it('replaces the amount of a quota set again, and removes one', async () => {
    const { data } = await owner.ok<{ data: { id: string; amount: number }[] }>('PUT', '/api/v1/quotas', {
      quotas: [{ userId: sales.userId, unit: 'quarter', periodStart: '2026-04-01', amount: 120_000 }],
    });
    const all = await owner.ok<{ data: { id: string; amount: number }[] }>(
      'GET',
      '/api/v1/quotas?from=2026-04-01&to=2026-04-01',
    );
    expect(all.data).toHaveLength(2);
    expect(all.data.find((row) => row.id === data[0]!.id)?.amount).toBe(120_000);
    await owner.ok('DELETE', `/api/v1/quotas/${data[0]!.id}`);
    expect((await owner.ok<{ data: unknown[] }>('GET', '/api/v1/quotas')).data).toHaveLength(1);
  });

  it('refuses quotas from sales, for strangers and for periods that do not start a month or quarter', async () => {
    const quota = { userId: sales.userId, unit: 'month', periodStart: '2026-04-01', amount: 1 };
    expectProblem(await sales.put('/api/v1/quotas', { quotas: [quota] }), 403);
    expectProblem(
      await owner.put('/api/v1/quotas', { quotas: [{ ...quota, periodStart: '2026-04-02' }] }),
      422,
      'quotas.0.periodStart',
    );
    expectProblem(
      await owner.put('/api/v1/quotas', {
        quotas: [{ ...quota, unit: 'quarter', periodStart: '2026-05-01' }],
      }),
      422,
      'quotas.0.periodStart',
    );
    const stranger = await otherWorkspaceOwner(test, 'Vreemd BV');
    const strangerId = (await stranger.ok<{ user: { id: string } }>('GET', '/api/v1/auth/me')).user.id;
    expectProblem(
      await owner.put('/api/v1/quotas', { quotas: [{ ...quota, userId: strangerId }] }),
      422,
      'quotas.0.userId',
    );
    const [own] = (await owner.ok<{ data: { id: string }[] }>('GET', '/api/v1/quotas')).data;
    expectProblem(await stranger.delete(`/api/v1/quotas/${own!.id}`), 404);
    expect((await stranger.ok<{ data: unknown[] }>('GET', '/api/v1/quotas')).data).toEqual([]);
  });
});
