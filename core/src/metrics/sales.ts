// Sales metrics over plain deal rows and stage histories. The server feeds them rows and computes
// the same formulas in SQL; docs/metrics.md defines each metric. Money is in integer cents (minor
// units); rates are fractions from 0 to 1; "no data" answers null, never 0 or NaN.
import { roundCents } from './money.ts';
import { contains, daysBetween, type Period } from './period.ts';

export type DealOutcome = 'open' | 'won' | 'lost';

export interface MetricDeal {
  id: string;
  /** Integer cents. */
  amount: number;
  createdOn: string;
  /**
   * The day the deal was won or lost. Only `outcome` says whether it is closed now: a lost deal
   * that was reopened is `open` again, whatever day it once closed on.
   */
  closedOn: string | null;
  expectedCloseOn: string | null;
  outcome: DealOutcome;
  /** 0-100. */
  probability: number;
  stageId: string;
  ownerId?: string | null;
  source?: string | null;
  pipelineId?: string | null;
}

/** One stay of a deal in a stage; `leftOn` is null while the deal is still there. */
export interface StageStay {
  dealId: string;
  stageId: string;
  enteredOn: string;
  leftOn: string | null;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function closedIn(deals: MetricDeal[], period: Period, outcome: 'won' | 'lost'): MetricDeal[] {
  return deals.filter(
    (deal) => deal.outcome === outcome && deal.closedOn !== null && contains(period, deal.closedOn),
  );
}

/** Won / (won + lost), counting deals by the day they closed; null when none closed in the period. */
export function closingRate(deals: MetricDeal[], period: Period): number | null {
  const won = closedIn(deals, period, 'won').length;
  return ratio(won, won + closedIn(deals, period, 'lost').length);
}

/** Mean days from creation to close of the deals won in the period (not rounded); null if none. */
export function averageSalesCycleDays(deals: MetricDeal[], period: Period): number | null {
  const won = closedIn(deals, period, 'won');
  const days = won.reduce((sum, deal) => sum + daysBetween(deal.createdOn, deal.closedOn!), 0);
  return ratio(days, won.length);
}

/** Mean amount of the deals won in the period, in cents (not rounded); null if none. */
export function averageWonAmount(deals: MetricDeal[], period: Period): number | null {
  const won = closedIn(deals, period, 'won');
  return ratio(
    won.reduce((sum, deal) => sum + deal.amount, 0),
    won.length,
  );
}

/** Sum of the amounts won in the period, in cents. */
export function wonAmount(deals: MetricDeal[], period: Period): number {
  return closedIn(deals, period, 'won').reduce((sum, deal) => sum + deal.amount, 0);
}

/**
 * Expected revenue per day, in cents: open deals now × average won amount × closing rate / average
 * cycle days, the last three measured over the period. Rounded to whole cents once, at the end.
 * Null when nothing was won (no average amount, no cycle) or every win took 0 days (no rate per
 * day); with no open deals it is 0.
 */
export function salesVelocity(deals: MetricDeal[], period: Period): number | null {
  const rate = closingRate(deals, period);
  const average = averageWonAmount(deals, period);
  const cycle = averageSalesCycleDays(deals, period);
  if (rate === null || average === null || cycle === null || cycle === 0) return null;
  const open = deals.filter((deal) => deal.outcome === 'open').length;
  return roundCents((open * average * rate) / cycle);
}

function openClosingIn(deals: MetricDeal[], period: Period): MetricDeal[] {
  return deals.filter(
    (deal) =>
      deal.outcome === 'open' && deal.expectedCloseOn !== null && contains(period, deal.expectedCloseOn),
  );
}

/** Sum of the amounts of open deals expected to close in the period, in cents (unweighted). */
export function openPipeline(deals: MetricDeal[], period: Period): number {
  return openClosingIn(deals, period).reduce((sum, deal) => sum + deal.amount, 0);
}

/**
 * Sum of amount × probability / 100 over open deals expected to close in the period, in cents. The
 * products are summed as exact integers and rounded once (half away from zero), so the result does
 * not depend on the order of the deals.
 */
export function weightedPipeline(deals: MetricDeal[], period: Period): number {
  const total = openClosingIn(deals, period).reduce((sum, deal) => sum + deal.amount * deal.probability, 0);
  return roundCents(total / 100);
}

export interface StageStep {
  fromStageId: string;
  toStageId: string;
  /** Deals that reached the first stage (or any later one). */
  reached: number;
  /** Of those, deals that reached the second stage (or any later one). */
  advanced: number;
  /** advanced / reached; null when no deal reached the first stage. */
  rate: number | null;
}

/**
 * Conversion between each pair of consecutive stages. A deal "reached" a stage when it has a stay
 * in it or in any later stage of `stageOrder`, so a deal that skipped a stage still counts as having
 * passed it and every step's rate stays between 0 and 1. Stages outside `stageOrder` are ignored.
 */
export function stageConversion(histories: StageStay[], stageOrder: string[]): StageStep[] {
  const furthest = new Map<string, number>();
  for (const stay of histories) {
    const rank = stageOrder.indexOf(stay.stageId);
    if (rank >= 0) furthest.set(stay.dealId, Math.max(rank, furthest.get(stay.dealId) ?? -1));
  }
  const reachedAtLeast = (rank: number) => [...furthest.values()].filter((best) => best >= rank).length;
  return stageOrder.slice(1).map((toStageId, index) => {
    const reached = reachedAtLeast(index);
    const advanced = reachedAtLeast(index + 1);
    return { fromStageId: stageOrder[index]!, toStageId, reached, advanced, rate: ratio(advanced, reached) };
  });
}

export interface StageTime {
  stageId: string;
  /** Completed stays counted. */
  stays: number;
  /** Mean days per completed stay (not rounded); null when no stay in the stage has ended. */
  averageDays: number | null;
}

/**
 * Average days a deal spends in each stage. Only completed stays count: a stay still open has no
 * length yet, and counting it so far would pull the average down for stages where deals wait.
 */
export function timeInStage(histories: StageStay[], stageOrder: string[]): StageTime[] {
  return stageOrder.map((stageId) => {
    const done = histories.filter((stay) => stay.stageId === stageId && stay.leftOn !== null);
    const days = done.reduce((sum, stay) => sum + daysBetween(stay.enteredOn, stay.leftOn!), 0);
    return { stageId, stays: done.length, averageDays: ratio(days, done.length) };
  });
}

/** Meetings booked / outreach attempts; null without attempts. */
export function hitToMeeting(outreachAttempts: number, meetingsBooked: number): number | null {
  return ratio(meetingsBooked, outreachAttempts);
}

/** New deals / meetings held; null without meetings. */
export function meetingToDeal(meetingsHeld: number, newDeals: number): number | null {
  return ratio(newDeals, meetingsHeld);
}

/**
 * Open pipeline / what remains of the quota after what was won (never below 0). Null when nothing
 * remains: the quota is met and any coverage would be infinite.
 */
export function pipelineCoverage(
  openPipelineInPeriod: number,
  quota: number,
  closedWonInPeriod: number,
): number | null {
  const remaining = Math.max(quota - closedWonInPeriod, 0);
  return ratio(openPipelineInPeriod, remaining);
}
