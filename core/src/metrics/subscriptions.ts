// Recurring revenue metrics over subscription event streams. Money is in integer cents; rates are
// fractions (0.05 = 5%); "no data" answers null. docs/metrics.md defines each metric.

import { roundCents } from './money.ts';
import { addDays, contains, type Period } from './period.ts';

export interface SubscriptionEvent {
  subscriptionId: string;
  accountId: string;
  on: string;
  /** Informational: the amounts alone drive every metric, except that a cancel always means 0. */
  kind: 'start' | 'change' | 'cancel' | 'reactivate';
  /** Monthly amount in cents after the event; 0 for a cancel. */
  monthlyAmount: number;
}

const amountAfter = (event: SubscriptionEvent) => (event.kind === 'cancel' ? 0 : event.monthlyAmount);

/** Events by day; events of one day keep their input order, so the last one of a day wins. */
const chronological = (events: SubscriptionEvent[]) =>
  events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => (a.event.on < b.event.on ? -1 : a.event.on > b.event.on ? 1 : a.index - b.index));

/** Each account's MRR at the end of `date`: the amounts of its subscriptions' latest events. */
export function accountMrrOn(events: SubscriptionEvent[], date: string): Map<string, number> {
  const latest = new Map<string, SubscriptionEvent>();
  for (const { event } of chronological(events))
    if (event.on <= date) latest.set(event.subscriptionId, event);
  const byAccount = new Map<string, number>();
  for (const event of latest.values())
    byAccount.set(event.accountId, (byAccount.get(event.accountId) ?? 0) + amountAfter(event));
  return byAccount;
}

const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);

/** Monthly recurring revenue in force at the end of `date`, in cents. */
export function mrrOn(events: SubscriptionEvent[], date: string): number {
  return sum(accountMrrOn(events, date).values());
}

/** Annual recurring revenue: 12 × MRR, in cents (exact: no rounding needed). */
export function arrOn(events: SubscriptionEvent[], date: string): number {
  return 12 * mrrOn(events, date);
}

/** MRR / accounts paying anything at the end of `date`, in cents, not rounded; null when none pay. */
export function averageMrrPerAccount(events: SubscriptionEvent[], date: string): number | null {
  const paying = [...accountMrrOn(events, date).values()].filter((mrr) => mrr > 0);
  return paying.length === 0 ? null : sum(paying) / paying.length;
}

/** Accounts with MRR above 0 at the end of at least one day before `date`, in one pass. */
function accountsPayingBefore(events: SubscriptionEvent[], date: string): Set<string> {
  const subscriptions = new Map<string, { accountId: string; amount: number }>();
  const accountMrr = new Map<string, number>();
  const paid = new Set<string>();
  const touched = new Set<string>();
  // Same-day events may cancel out (a start and a cancel), so accounts are judged when a day ends.
  const endDay = () => {
    for (const accountId of touched) if ((accountMrr.get(accountId) ?? 0) > 0) paid.add(accountId);
    touched.clear();
  };
  let day: string | null = null;
  for (const { event } of chronological(events)) {
    if (event.on >= date) break;
    if (event.on !== day) endDay();
    day = event.on;
    const before = subscriptions.get(event.subscriptionId);
    if (before) accountMrr.set(before.accountId, (accountMrr.get(before.accountId) ?? 0) - before.amount);
    subscriptions.set(event.subscriptionId, { accountId: event.accountId, amount: amountAfter(event) });
    accountMrr.set(event.accountId, (accountMrr.get(event.accountId) ?? 0) + amountAfter(event));
    touched.add(event.accountId);
  }
  endDay();
  return paid;
}

export interface MrrBridge {
  startMrr: number;
  new: number;
  expansion: number;
  contraction: number;
  churn: number;
  reactivation: number;
  endMrr: number;
}

/**
 * How MRR moved from the start of the period (the end of the day before it) to its end, per account:
 * an account at 0 that ends above 0 is new, or a reactivation when it paid at the end of any earlier
 * day; one that ends at 0 churned; otherwise the difference is expansion or contraction. Only the two
 * ends are compared, so moves that cancel out within the period do not show. Exact integers:
 * start + new + expansion − contraction − churn + reactivation = end.
 */
export function mrrBridge(events: SubscriptionEvent[], period: Period): MrrBridge {
  const atStart = accountMrrOn(events, addDays(period.start, -1));
  const atEnd = accountMrrOn(events, period.end);
  const paidBefore = accountsPayingBefore(events, period.start);
  const bridge = { new: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0 };
  for (const accountId of new Set([...atStart.keys(), ...atEnd.keys()])) {
    const start = atStart.get(accountId) ?? 0;
    const end = atEnd.get(accountId) ?? 0;
    if (start === end) continue;
    if (start === 0 && end > 0) {
      if (paidBefore.has(accountId)) bridge.reactivation += end;
      else bridge.new += end;
    } else if (start > 0 && end === 0) bridge.churn += start;
    else if (end > start) bridge.expansion += end - start;
    else bridge.contraction += start - end;
  }
  return { startMrr: sum(atStart.values()), ...bridge, endMrr: sum(atEnd.values()) };
}

const perStartMrr = (amount: number, bridge: MrrBridge) =>
  bridge.startMrr === 0 ? null : amount / bridge.startMrr;

/** (churn + contraction) / start MRR; null when the period started without MRR. */
export function grossMrrChurnRate(bridge: MrrBridge): number | null {
  return perStartMrr(bridge.churn + bridge.contraction, bridge);
}

/** (churn + contraction − expansion − reactivation) / start MRR; negative means net expansion. */
export function netMrrChurnRate(bridge: MrrBridge): number | null {
  return perStartMrr(bridge.churn + bridge.contraction - bridge.expansion - bridge.reactivation, bridge);
}

/** Accounts paying at the start and not at the end / accounts paying at the start; null when none. */
export function customerChurnRate(events: SubscriptionEvent[], period: Period): number | null {
  const atEnd = accountMrrOn(events, period.end);
  const payingAtStart = [...accountMrrOn(events, addDays(period.start, -1))]
    .filter(([, mrr]) => mrr > 0)
    .map(([accountId]) => accountId);
  if (payingAtStart.length === 0) return null;
  const lost = payingAtStart.filter((accountId) => (atEnd.get(accountId) ?? 0) === 0).length;
  return lost / payingAtStart.length;
}

export interface Signing {
  accountId: string;
  signedOn: string;
  /** Whole contract value in cents. */
  totalValue: number;
  /** Contract length; record a one-off contract with 12 so it counts as one year's value. */
  termMonths: number;
}

/**
 * Average contract value per year of the customers signing in the period, in cents: the contracts'
 * values annualised (total × 12 / term months), summed, / distinct accounts signing. Rounded once,
 * at the end; null when nobody signed.
 */
export function acv(signings: Signing[], period: Period): number | null {
  const signed = signings.filter((signing) => contains(period, signing.signedOn));
  if (signed.length === 0) return null;
  if (signed.some((signing) => !(signing.termMonths > 0)))
    throw new RangeError('A contract term must be at least one month');
  const annualised = sum(signed.map((signing) => (signing.totalValue * 12) / signing.termMonths));
  return roundCents(annualised / new Set(signed.map((signing) => signing.accountId)).size);
}

/**
 * Lifetime value in cents: average MRR per account × gross margin / monthly gross churn rate,
 * rounded to whole cents. No churn observed: LTV undefined rather than infinite, so null.
 */
export function ltv(
  averageMrrPerAccount: number,
  monthlyGrossChurnRate: number,
  grossMargin = 1,
): number | null {
  if (monthlyGrossChurnRate <= 0) return null;
  return roundCents((averageMrrPerAccount * grossMargin) / monthlyGrossChurnRate);
}

export interface SpendLine {
  on: string;
  /** Cents. */
  amount: number;
  kind: 'marketing' | 'sales';
}

/** Sales and marketing spend in the period / new customers, in cents, rounded; null without any. */
export function cac(spendLines: SpendLine[], newCustomers: number, period: Period): number | null {
  if (newCustomers <= 0) return null;
  const spend = sum(spendLines.filter((line) => contains(period, line.on)).map((line) => line.amount));
  return roundCents(spend / newCustomers);
}

/** LTV / CAC, a plain ratio; null when either is unknown or acquiring a customer cost nothing. */
export function ltvToCac(lifetimeValue: number | null, acquisitionCost: number | null): number | null {
  if (lifetimeValue === null || acquisitionCost === null || acquisitionCost <= 0) return null;
  return lifetimeValue / acquisitionCost;
}
