import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, periodOf } from './period.ts';
import {
  acv,
  arrOn,
  averageMrrPerAccount,
  cac,
  customerChurnRate,
  grossMrrChurnRate,
  ltv,
  ltvToCac,
  mrrBridge,
  mrrOn,
  netMrrChurnRate,
  type SubscriptionEvent,
} from './subscriptions.ts';

const event = (
  subscriptionId: string,
  accountId: string,
  on: string,
  kind: SubscriptionEvent['kind'],
  monthlyAmount = 0,
): SubscriptionEvent => ({ subscriptionId, accountId, on, kind, monthlyAmount });

const events: SubscriptionEvent[] = [
  event('s1', 'A1', '2025-06-01', 'start', 10_000),
  event('s1', 'A1', '2026-02-10', 'change', 15_000),
  event('s6', 'A1', '2026-03-20', 'start', 1_000), // a second subscription of an existing account
  event('s2', 'A2', '2025-09-01', 'start', 20_000),
  event('s2', 'A2', '2026-03-01', 'change', 12_000),
  event('s3', 'A3', '2025-10-01', 'start', 8_000),
  event('s3', 'A3', '2026-01-15', 'cancel'),
  event('s4', 'A4', '2026-02-01', 'start', 5_000),
  event('s5', 'A5', '2025-03-01', 'start', 3_000),
  event('s5', 'A5', '2025-08-31', 'cancel'),
  event('s5', 'A5', '2026-03-10', 'reactivate', 3_500),
];
const q1 = periodOf('2026-01-01', 'quarter');

describe('MRR and ARR', () => {
  it('sums the amounts in force at the end of the day', () => {
    // 14 January: A1 10,000 + A2 20,000 + A3 8,000. A3 cancels on the 15th: 0 at the end of it.
    expect(mrrOn(events, '2026-01-14')).toBe(38_000);
    expect(mrrOn(events, '2026-01-15')).toBe(30_000);
    // End of Q1: A1 15,000 + 1,000, A2 12,000, A4 5,000, A5 3,500 = 36,500; × 12 = 438,000.
    expect(mrrOn(events, '2026-03-31')).toBe(36_500);
    expect(arrOn(events, '2026-03-31')).toBe(438_000);
    expect(mrrOn([], '2026-03-31')).toBe(0);
  });

  it('averages MRR over paying accounts only', () => {
    // 36,500 / 4 (A3 pays nothing) = 9,125.
    expect(averageMrrPerAccount(events, '2026-03-31')).toBe(9_125);
    expect(averageMrrPerAccount(events, '2024-12-31')).toBeNull();
  });
});

describe('MRR bridge', () => {
  it('classifies movement per account between the two ends of the period', () => {
    // Start (end of 31 Dec): A1 10,000 + A2 20,000 + A3 8,000 = 38,000; A5 cancelled in August.
    // A1 10,000 → 16,000: expansion 6,000 (its new subscription is expansion, not new).
    // A2 20,000 → 12,000: contraction 8,000. A3 8,000 → 0: churn 8,000.
    // A4 never paid before: new 5,000. A5 paid until August: reactivation 3,500.
    // 38,000 + 5,000 + 6,000 − 8,000 − 8,000 + 3,500 = 36,500.
    expect(mrrBridge(events, q1)).toEqual({
      startMrr: 38_000,
      new: 5_000,
      expansion: 6_000,
      contraction: 8_000,
      churn: 8_000,
      reactivation: 3_500,
      endMrr: 36_500,
    });
  });

  it('gives gross, net and customer churn rates', () => {
    const bridge = mrrBridge(events, q1);
    // Gross: (8,000 + 8,000) / 38,000. Net: (16,000 − 6,000 − 3,500) / 38,000 = 6,500 / 38,000.
    expect(grossMrrChurnRate(bridge)).toBeCloseTo(16 / 38, 12);
    expect(netMrrChurnRate(bridge)).toBeCloseTo(6.5 / 38, 12);
    // Paying at the start: A1, A2, A3; not at the end: A3. 1 / 3.
    expect(customerChurnRate(events, q1)).toBeCloseTo(1 / 3, 12);
  });

  it('answers 0 churn and a negative net churn when a month only grows', () => {
    const february = periodOf('2026-02-01', 'month');
    // Start: A1 10,000 + A2 20,000 = 30,000. A1 expands by 5,000; A4 is new with 5,000.
    const bridge = mrrBridge(events, february);
    expect(bridge).toMatchObject({
      startMrr: 30_000,
      new: 5_000,
      expansion: 5_000,
      churn: 0,
      endMrr: 40_000,
    });
    expect(grossMrrChurnRate(bridge)).toBe(0);
    // (0 + 0 − 5,000 − 0) / 30,000 = −1/6: net expansion.
    expect(netMrrChurnRate(bridge)).toBeCloseTo(-1 / 6, 12);
    expect(customerChurnRate(events, february)).toBe(0);
  });

  it('answers null rates when the period starts without MRR', () => {
    const bridge = mrrBridge(events, periodOf('2025-01-01', 'quarter'));
    // Only A5 starts (1 March 2025, 3,000): all new.
    expect(bridge).toMatchObject({ startMrr: 0, new: 3_000, endMrr: 3_000 });
    expect(grossMrrChurnRate(bridge)).toBeNull();
    expect(netMrrChurnRate(bridge)).toBeNull();
    expect(customerChurnRate(events, periodOf('2025-01-01', 'quarter'))).toBeNull();
    expect(mrrBridge([], q1)).toEqual({
      startMrr: 0,
      new: 0,
      expansion: 0,
      contraction: 0,
      churn: 0,
      reactivation: 0,
      endMrr: 0,
    });
  });

  it('shows only the net change of a subscription cancelled and reactivated within the period', () => {
    const back = [
      event('s7', 'A7', '2025-11-01', 'start', 4_000),
      event('s7', 'A7', '2026-01-10', 'cancel'),
      event('s7', 'A7', '2026-02-10', 'reactivate', 4_500),
    ];
    // 4,000 at the start, 4,500 at the end: over the quarter only an expansion of 500.
    expect(mrrBridge(back, q1)).toMatchObject({ startMrr: 4_000, expansion: 500, churn: 0, reactivation: 0 });
    // Per month the same stream is a churn in January and a reactivation in February.
    expect(mrrBridge(back, periodOf('2026-01-01', 'month'))).toMatchObject({ churn: 4_000, endMrr: 0 });
    expect(mrrBridge(back, periodOf('2026-02-01', 'month'))).toMatchObject({ reactivation: 4_500, new: 0 });
  });

  it('counts an account as new when it never paid at the end of a day before', () => {
    // Started and cancelled on the same day in November: never in force at the end of a day.
    const retry = [
      event('s8', 'A8', '2025-11-05', 'start', 2_000),
      event('s8', 'A8', '2025-11-05', 'cancel'),
      event('s9', 'A8', '2026-02-01', 'start', 2_000),
    ];
    expect(mrrBridge(retry, q1)).toMatchObject({ new: 2_000, reactivation: 0 });
  });

  it('always balances: start + new + expansion − contraction − churn + reactivation = end', () => {
    const kinds = ['start', 'change', 'cancel', 'reactivate'] as const;
    const anEvent = fc
      .record({
        subscription: fc.integer({ min: 0, max: 4 }),
        day: fc.integer({ min: 0, max: 180 }),
        kind: fc.constantFrom(...kinds),
        amount: fc.integer({ min: 0, max: 10_000 }),
      })
      .map(({ subscription, day, kind, amount }) =>
        // Subscriptions 0-4 belong to accounts 0-2, so accounts hold one or two subscriptions.
        event(
          `s${subscription}`,
          `A${subscription % 3}`,
          addDays('2025-11-01', day),
          kind,
          kind === 'cancel' ? 0 : amount,
        ),
      );
    fc.assert(
      fc.property(fc.array(anEvent, { maxLength: 20 }), fc.integer({ min: 0, max: 180 }), (stream, day) => {
        const period = periodOf(addDays('2025-11-01', day), 'month');
        const b = mrrBridge(stream, period);
        expect(b.startMrr + b.new + b.expansion - b.contraction - b.churn + b.reactivation).toBe(b.endMrr);
        expect(b.startMrr).toBe(mrrOn(stream, addDays(period.start, -1)));
        expect(b.endMrr).toBe(mrrOn(stream, period.end));
        for (const part of [b.new, b.expansion, b.contraction, b.churn, b.reactivation])
          expect(part).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('ACV, LTV and CAC', () => {
  it('annualises contracts signed in the period per signing customer, rounding once', () => {
    const signings = [
      { accountId: 'A1', signedOn: '2026-01-10', totalValue: 360_000, termMonths: 36 }, // 120,000 a year
      { accountId: 'A1', signedOn: '2026-02-01', totalValue: 10_000, termMonths: 12 }, // one-off: 10,000
      { accountId: 'A2', signedOn: '2026-03-05', totalValue: 35_001, termMonths: 12 }, // 35,001
      { accountId: 'A3', signedOn: '2026-04-01', totalValue: 99_000, termMonths: 12 }, // after Q1
    ];
    // (120,000 + 10,000 + 35,001) / 2 customers = 82,500.5 → 82,501.
    expect(acv(signings, q1)).toBe(82_501);
    // 100,000 × 12 / 7 = 171,428.57… → 171,429.
    expect(acv([{ accountId: 'A1', signedOn: '2026-01-10', totalValue: 100_000, termMonths: 7 }], q1)).toBe(
      171_429,
    );
    expect(acv([], q1)).toBeNull();
  });

  it('gives LTV from average MRR, margin and churn, and none without churn', () => {
    // 12,000 × 0.8 / 0.02 = 480,000; without margin 12,000 / 0.03 = 400,000.
    expect(ltv(12_000, 0.02, 0.8)).toBe(480_000);
    expect(ltv(12_000, 0.03)).toBe(400_000);
    // 1,000 / 0.03 = 33,333.33… → 33,333.
    expect(ltv(1_000, 0.03)).toBe(33_333);
    expect(ltv(12_000, 0)).toBeNull();
  });

  it('divides sales and marketing spend in the period by new customers', () => {
    const spend = [
      { on: '2026-01-05', amount: 150_000, kind: 'marketing' as const },
      { on: '2026-02-20', amount: 99_999, kind: 'sales' as const },
      { on: '2025-12-30', amount: 50_000, kind: 'marketing' as const }, // before Q1
      { on: '2026-04-01', amount: 20_000, kind: 'sales' as const }, // after Q1
    ];
    // (150,000 + 99,999) / 2 = 124,999.5 → 125,000.
    expect(cac(spend, 2, q1)).toBe(125_000);
    expect(cac(spend, 0, q1)).toBeNull();
    // 480,000 / 125,000 = 3.84.
    expect(ltvToCac(480_000, 125_000)).toBe(3.84);
    expect(ltvToCac(null, 125_000)).toBeNull();
    expect(ltvToCac(480_000, 0)).toBeNull();
  });
});
