import { describe, expect, it } from 'vitest';
import { contains, daysBetween, periodOf } from './period.ts';
import {
  averageSalesCycleDays,
  averageWonAmount,
  closingRate,
  type MetricDeal,
  openPipeline,
  salesVelocity,
  weightedPipeline,
} from './sales.ts';
import { salesMetrics } from './sales-totals.ts';

const q1 = periodOf('2026-02-01', 'quarter');

const deals: MetricDeal[] = [
  {
    id: 'a',
    amount: 100_000,
    createdOn: '2026-01-01',
    closedOn: '2026-01-31',
    expectedCloseOn: null,
    outcome: 'won',
    probability: 100,
    stageId: 'w',
  },
  {
    id: 'b',
    amount: 50_001,
    createdOn: '2026-02-01',
    closedOn: '2026-03-13',
    expectedCloseOn: null,
    outcome: 'won',
    probability: 100,
    stageId: 'w',
  },
  {
    id: 'c',
    amount: 9_000,
    createdOn: '2026-01-10',
    closedOn: '2026-02-15',
    expectedCloseOn: null,
    outcome: 'lost',
    probability: 0,
    stageId: 'l',
  },
  {
    id: 'f',
    amount: 33_333,
    createdOn: '2026-01-10',
    closedOn: null,
    expectedCloseOn: '2026-03-20',
    outcome: 'open',
    probability: 25,
    stageId: 'o',
  },
  {
    id: 'g',
    amount: 10_001,
    createdOn: '2026-01-10',
    closedOn: null,
    expectedCloseOn: '2026-06-10',
    outcome: 'open',
    probability: 50,
    stageId: 'o',
  },
];

/** The totals a database would add up for the period, by hand over the same rows. */
function totalsOf(rows: MetricDeal[]) {
  const wonIn = rows.filter((deal) => deal.outcome === 'won' && deal.closedOn && contains(q1, deal.closedOn));
  const openIn = rows.filter(
    (deal) => deal.outcome === 'open' && deal.expectedCloseOn && contains(q1, deal.expectedCloseOn),
  );
  return {
    won: wonIn.length,
    lost: rows.filter((deal) => deal.outcome === 'lost' && deal.closedOn && contains(q1, deal.closedOn))
      .length,
    wonAmount: wonIn.reduce((sum, deal) => sum + deal.amount, 0),
    wonCycleDays: wonIn.reduce((sum, deal) => sum + daysBetween(deal.createdOn, deal.closedOn!), 0),
    openDeals: rows.filter((deal) => deal.outcome === 'open').length,
    openAmount: openIn.reduce((sum, deal) => sum + deal.amount, 0),
    openAmountTimesProbability: openIn.reduce((sum, deal) => sum + deal.amount * deal.probability, 0),
  };
}

describe('sales metrics from totals', () => {
  it('answer what the row functions answer', () => {
    const figures = salesMetrics(totalsOf(deals));
    expect(figures.closingRate).toBe(closingRate(deals, q1));
    expect(figures.averageWonAmount).toBe(averageWonAmount(deals, q1));
    expect(figures.averageCycleDays).toBe(averageSalesCycleDays(deals, q1));
    expect(figures.salesVelocity).toBe(salesVelocity(deals, q1));
    expect(figures.openPipeline).toBe(openPipeline(deals, q1));
    expect(figures.weightedPipeline).toBe(weightedPipeline(deals, q1));
    // 2 open × 75,000.5 × 2/3 / 35 days = 2,857.16… → 2,857 cents a day; 33,333 × 25% = 8,333.25 → 8,333.
    expect(figures.salesVelocity).toBe(2_857);
    expect(figures.weightedPipeline).toBe(8_333);
  });

  it('answers null for rates over nothing, and zero sums, with no deals', () => {
    expect(salesMetrics(totalsOf([]))).toEqual({
      won: 0,
      lost: 0,
      wonAmount: 0,
      closingRate: null,
      averageWonAmount: null,
      averageCycleDays: null,
      salesVelocity: null,
      openPipeline: 0,
      weightedPipeline: 0,
    });
  });
});
