import { describe, expect, it } from 'vitest';
import { roundCents } from './money.ts';
import { periodOf } from './period.ts';
import {
  averageSalesCycleDays,
  averageWonAmount,
  closingRate,
  hitToMeeting,
  type MetricDeal,
  meetingToDeal,
  openPipeline,
  pipelineCoverage,
  type StageStay,
  salesVelocity,
  stageConversion,
  timeInStage,
  weightedPipeline,
  wonAmount,
} from './sales.ts';

const q1 = periodOf('2026-02-01', 'quarter');

const deal = (id: string, fields: Partial<MetricDeal>): MetricDeal => ({
  id,
  amount: 0,
  createdOn: '2026-01-01',
  closedOn: null,
  expectedCloseOn: null,
  outcome: 'open',
  probability: 0,
  stageId: 'proposal',
  ...fields,
});

const won = (id: string, amount: number, createdOn: string, closedOn: string) =>
  deal(id, { amount, createdOn, closedOn, outcome: 'won', probability: 100 });
const lost = (id: string, closedOn: string) => deal(id, { closedOn, outcome: 'lost' });

const deals: MetricDeal[] = [
  won('a', 100_000, '2026-01-01', '2026-01-31'), // 30 days
  won('b', 50_000, '2026-02-01', '2026-03-13'), // 28 days of February + 12 = 40 days
  lost('c', '2026-02-15'),
  lost('d', '2025-12-20'), // before Q1
  won('e', 70_000, '2026-01-05', '2026-04-02'), // after Q1
  deal('f', { amount: 33_333, probability: 25, expectedCloseOn: '2026-03-20' }),
  deal('g', { amount: 10_001, probability: 25, expectedCloseOn: '2026-02-10' }),
  // Lost in February, then reopened: open again, its old close day no longer counts.
  deal('h', { amount: 40_000, probability: 10, closedOn: '2026-02-20', expectedCloseOn: '2026-05-01' }),
];

describe('closing rate', () => {
  it('divides won by won + lost, by close date in the period', () => {
    // Won in Q1: a, b. Lost in Q1: c (d closed in December, e in April). 2 / (2 + 1).
    expect(closingRate(deals, q1)).toBeCloseTo(2 / 3, 12);
  });

  it('drops a deal reopened after being lost until it closes again', () => {
    const beforeReopening = deals.map((d) => (d.id === 'h' ? { ...d, outcome: 'lost' as const } : d));
    // While h was lost: 2 won / (2 won + c + h lost) = 2 / 4.
    expect(closingRate(beforeReopening, q1)).toBe(0.5);
    // Reopened: back to 2 / 3, and h is an open deal again.
    expect(closingRate(deals, q1)).toBeCloseTo(2 / 3, 12);
  });

  it('is null when no deal closed in the period, and with no deals at all', () => {
    expect(closingRate(deals, periodOf('2026-07-01', 'quarter'))).toBeNull();
    expect(closingRate([], q1)).toBeNull();
  });
});

describe('sales cycle, won amounts and velocity', () => {
  it('averages days from creation to close over deals won in the period', () => {
    // (30 + 40) / 2 = 35 days; (100,000 + 50,000) / 2 = 75,000 cents.
    expect(averageSalesCycleDays(deals, q1)).toBe(35);
    expect(averageWonAmount(deals, q1)).toBe(75_000);
    expect(wonAmount(deals, q1)).toBe(150_000);
  });

  it('gives expected revenue per day, rounded to whole cents', () => {
    // Open deals f, g, h = 3. 3 × 75,000 × 2/3 / 35 = 150,000 / 35 = 4,285.71… → 4,286 cents a day.
    expect(salesVelocity(deals, q1)).toBe(4_286);
  });

  it('is 0 with nothing open, null with nothing won or a cycle of 0 days', () => {
    const closedOnly = deals.filter((d) => d.outcome !== 'open');
    expect(salesVelocity(closedOnly, q1)).toBe(0);
    expect(salesVelocity([lost('x', '2026-02-01'), deal('y', {})], q1)).toBeNull();
    expect(salesVelocity([won('x', 1_000, '2026-02-01', '2026-02-01'), deal('y', {})], q1)).toBeNull();
  });

  it('answers null for every average with no deals', () => {
    expect(averageSalesCycleDays([], q1)).toBeNull();
    expect(averageWonAmount([], q1)).toBeNull();
    expect(salesVelocity([], q1)).toBeNull();
  });
});

describe('pipeline', () => {
  it('weights open deals expected to close in the period, rounding half away from zero', () => {
    // f: 33,333 × 25 = 833,325; g: 10,001 × 25 = 250,025; h expects to close in May.
    // (833,325 + 250,025) / 100 = 10,833.50 → 10,834 cents.
    expect(weightedPipeline(deals, q1)).toBe(10_834);
    expect(openPipeline(deals, q1)).toBe(43_334);
  });

  it('rounds a negative (credit) amount away from zero too', () => {
    // -1,001 × 50 / 100 = -500.5 → -501.
    const credit = deal('credit', { amount: -1_001, probability: 50, expectedCloseOn: '2026-01-10' });
    expect(weightedPipeline([credit], q1)).toBe(-501);
    expect(roundCents(-0.4)).toBe(0);
  });

  it('is 0 with no deals', () => {
    expect(weightedPipeline([], q1)).toBe(0);
  });

  it('covers the quota left after what was won', () => {
    // 300,000 / (200,000 − 50,000) = 2.
    expect(pipelineCoverage(300_000, 200_000, 50_000)).toBe(2);
    expect(pipelineCoverage(0, 200_000, 50_000)).toBe(0);
    // Quota exceeded: nothing remains to cover.
    expect(pipelineCoverage(300_000, 200_000, 250_000)).toBeNull();
  });
});

describe('stages', () => {
  const stay = (dealId: string, stageId: string, enteredOn: string, leftOn: string | null): StageStay => ({
    dealId,
    stageId,
    enteredOn,
    leftOn,
  });
  const histories = [
    stay('d1', 's1', '2026-01-01', '2026-01-11'), // 10 days
    stay('d1', 's2', '2026-01-11', '2026-01-31'), // 20 days
    stay('d1', 's3', '2026-01-31', null),
    stay('d2', 's1', '2026-01-05', '2026-01-09'), // 4 days
    stay('d2', 's2', '2026-01-09', null),
    stay('d3', 's1', '2026-01-20', null),
    stay('d4', 's1', '2026-01-02', '2026-01-18'), // 16 days, then skips s2
    stay('d4', 's3', '2026-01-18', '2026-02-01'), // 14 days
    stay('d4', 'lost', '2026-02-01', null), // not in the stage order
  ];

  it('converts between consecutive stages, counting a skipped stage as passed', () => {
    // Furthest stage: d1 s3, d2 s2, d3 s1, d4 s3.
    // s1 → s2: 4 reached s1 or later, 3 reached s2 or later (d1, d2, d4) = 0.75.
    // s2 → s3: 3 reached s2 or later, 2 reached s3 (d1, d4) = 2/3.
    const steps = stageConversion(histories, ['s1', 's2', 's3']);
    expect(
      steps.map(({ fromStageId, toStageId, reached, advanced }) => [
        fromStageId,
        toStageId,
        reached,
        advanced,
      ]),
    ).toEqual([
      ['s1', 's2', 4, 3],
      ['s2', 's3', 3, 2],
    ]);
    expect(steps[0]?.rate).toBe(0.75);
    expect(steps[1]?.rate).toBeCloseTo(2 / 3, 12);
    expect(stageConversion([], ['s1', 's2'])).toEqual([
      { fromStageId: 's1', toStageId: 's2', reached: 0, advanced: 0, rate: null },
    ]);
  });

  it('averages completed stays only', () => {
    // s1: (10 + 4 + 16) / 3 = 10. s2: 20 (d2 still there). s3: 14 (d1 still there). s4: none.
    expect(timeInStage(histories, ['s1', 's2', 's3', 's4'])).toEqual([
      { stageId: 's1', stays: 3, averageDays: 10 },
      { stageId: 's2', stays: 1, averageDays: 20 },
      { stageId: 's3', stays: 1, averageDays: 14 },
      { stageId: 's4', stays: 0, averageDays: null },
    ]);
  });
});

describe('activity rates', () => {
  it('divides meetings by outreach and deals by meetings, null on a zero denominator', () => {
    // 6 / 40 = 0.15; 2 / 6 = 1/3.
    expect(hitToMeeting(40, 6)).toBe(0.15);
    expect(meetingToDeal(6, 2)).toBeCloseTo(1 / 3, 12);
    expect(hitToMeeting(0, 0)).toBeNull();
    expect(meetingToDeal(0, 3)).toBeNull();
  });
});
