// The sales metrics from totals a database adds up (counts and sums), so a period over a million
// deals is one aggregate query; the row functions of sales.ts define them and a test holds the two
// together.
import { roundCents } from './money.ts';

export interface SalesTotals {
  won: number;
  lost: number;
  /** Cents, deals won in the period. */
  wonAmount: number;
  /** Days from creation to close, summed over the deals won in the period. */
  wonCycleDays: number;
  /** Deals open now, whatever their expected close date. */
  openDeals: number;
  /** Cents, open deals expected to close in the period. */
  openAmount: number;
  /** Sum of amount × probability (0-100) over those open deals. */
  openAmountTimesProbability: number;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export function salesMetrics(totals: SalesTotals) {
  const closingRate = ratio(totals.won, totals.won + totals.lost);
  const averageWonAmount = ratio(totals.wonAmount, totals.won);
  const averageCycleDays = ratio(totals.wonCycleDays, totals.won);
  const salesVelocity =
    closingRate === null || averageWonAmount === null || averageCycleDays === null || averageCycleDays === 0
      ? null
      : roundCents((totals.openDeals * averageWonAmount * closingRate) / averageCycleDays);
  return {
    won: totals.won,
    lost: totals.lost,
    wonAmount: totals.wonAmount,
    closingRate,
    averageWonAmount,
    averageCycleDays,
    salesVelocity,
    openPipeline: totals.openAmount,
    weightedPipeline: roundCents(totals.openAmountTimesProbability / 100),
  };
}
