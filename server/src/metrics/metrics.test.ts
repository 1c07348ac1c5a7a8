import { periodOf } from '@baken/core/metrics/period';
import {
  averageSalesCycleDays,
  closingRate,
  type MetricDeal,
  salesVelocity,
  weightedPipeline,
} from '@baken/core/metrics/sales';
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
  type Client,
  createTestApp,
  otherWorkspaceOwner,
  setUpOwner,
  type TestApp,
  tokenClient,
} from '../../test/harness.ts';

type Deal = {
  id: string;
  amount: number;
  createdAt: string;
  actualCloseDate: string | null;
  expectedCloseDate: string | null;
  probability: number;
  stageId: string;
  source: string | null;
};

describe('sales metrics of a period', () => {
  let test: TestApp;
  let owner: Client;
  let pipeline: Pipeline;
  const deals: Deal[] = [];

  /** A deal made on `made` (10:00 in Amsterdam), moved to `stage` on `closed`. */
  async function dealOf(fields: Record<string, unknown>, made: string, stage?: string, closed?: string) {
    const created = await atTime(test, `${made}T09:00:00.000Z`, () =>
      createDeal(owner, { pipelineId: pipeline.id, ...fields }),
    );
    if (stage && closed)
      await atTime(test, `${closed}T09:00:00.000Z`, () =>
        owner.ok('PATCH', `/api/v1/deals/${created.id}`, { stageId: stageNamed(pipeline, stage).id }),
      );
    deals.push(await owner.ok<Deal>('GET', `/api/v1/deals/${created.id}`));
  }

  beforeAll(async () => {
    test = await createTestApp();
    // An API token: a session would expire as the clock jumps.
    owner = await tokenClient(test.app, await setUpOwner(test.app));
    pipeline = await defaultPipeline(owner);
    await dealOf({ name: 'A', amount: 100_000 }, '2026-01-01', 'Closed won', '2026-01-31');
    await dealOf({ name: 'B', amount: 50_001, source: 'Beurs' }, '2026-02-01', 'Closed won', '2026-03-13');
    await dealOf({ name: 'C', amount: 9_000 }, '2026-01-10', 'Closed lost', '2026-02-15');
    await dealOf({ name: 'D', amount: 7_000 }, '2025-11-10', 'Closed lost', '2025-12-20');
    await dealOf(
      { name: 'F', amount: 33_333, probability: 25, expectedCloseDate: '2026-03-20' },
      '2026-01-10',
    );
    await dealOf(
      { name: 'G', amount: 10_001, probability: 50, expectedCloseDate: '2026-06-10' },
      '2026-01-10',
    );
    await dealOf(
      { name: 'Dollars', amount: 1_000_000, currency: 'USD' },
      '2026-01-10',
      'Closed won',
      '2026-02-01',
    );
  });
  afterAll(() => test.close());

  /** The deals in core's shape, read back from the API: the ground truth the SQL must match. */
  function asMetricDeals(): MetricDeal[] {
    const kind = new Map(pipeline.stages.map((stage) => [stage.id, stage.kind]));
    return deals
      .filter((deal) => deal.amount !== 1_000_000)
      .map((deal) => ({
        id: deal.id,
        amount: deal.amount,
        // 09:00 UTC is 10:00 in Amsterdam: the same day.
        createdOn: deal.createdAt.slice(0, 10),
        closedOn: deal.actualCloseDate,
        expectedCloseOn: deal.expectedCloseDate,
        outcome: kind.get(deal.stageId) as MetricDeal['outcome'],
        probability: deal.probability,
        stageId: deal.stageId,
      }));
  }

  it("answers what core's row functions compute over the same deals, in the workspace's currency", async () => {
    const q1 = periodOf('2026-02-01', 'quarter');
    const figures = await owner.ok<Record<string, unknown>>(
      'GET',
      '/api/v1/metrics/sales?unit=quarter&date=2026-02-01',
    );
    const rows = asMetricDeals();
    expect(figures).toMatchObject({
      period: { start: '2026-01-01', end: '2026-03-31', label: '2026-Q1' },
      currency: 'EUR',
      won: 2,
      lost: 1,
      wonAmount: 150_001,
      closingRate: closingRate(rows, q1),
      averageCycleDays: averageSalesCycleDays(rows, q1),
      salesVelocity: salesVelocity(rows, q1),
      weightedPipeline: weightedPipeline(rows, q1),
      openPipeline: 33_333,
    });
    // By hand: 2 / 3 won; (30 + 40) / 2 = 35 days; 33,333 × 25% = 8,333.25 → 8,333 cents.
    expect(figures).toMatchObject({ averageCycleDays: 35, weightedPipeline: 8_333 });
  });

  it('narrows to a source, and takes a custom period', async () => {
    const fair = await owner.ok<{ won: number; lost: number }>(
      'GET',
      '/api/v1/metrics/sales?unit=year&date=2026-05-01&source=beurs',
    );
    expect(fair).toMatchObject({ won: 1, lost: 0 });
    const december = await owner.ok<{ lost: number; closingRate: number | null }>(
      'GET',
      '/api/v1/metrics/sales?from=2025-12-01&to=2025-12-31',
    );
    expect(december).toMatchObject({ lost: 1, closingRate: 0 });
    expectProblem(await owner.get('/api/v1/metrics/sales?from=2026-01-01'), 422, 'to');
  });

  it("counts nothing of another workspace's deals", async () => {
    const stranger = await otherWorkspaceOwner(test, 'Leeg BV');
    expect(
      await stranger.ok<Record<string, unknown>>('GET', '/api/v1/metrics/sales?unit=year&date=2026-02-01'),
    ).toMatchObject({ won: 0, lost: 0, closingRate: null, salesVelocity: null, openPipeline: 0 });
  });
});
