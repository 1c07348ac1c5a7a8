import { describe, expect, it } from 'vitest';
import { quotaStanding } from './quota.ts';

describe('quota standing', () => {
  it('measures the won deals against the quota, with the gap and its cover', () => {
    // 60,000 of 100,000: 60%, 40,000 to go, 120,000 open covers it 3 times.
    expect(quotaStanding(100_000, 60_000, 120_000)).toEqual({
      quota: 100_000,
      won: 60_000,
      attainment: 0.6,
      gap: 40_000,
      openPipeline: 120_000,
      coverage: 3,
    });
  });

  it('goes over 100% without a negative gap, and has no attainment for a quota of 0', () => {
    expect(quotaStanding(50_000, 75_000, 10_000)).toMatchObject({ attainment: 1.5, gap: 0, coverage: null });
    expect(quotaStanding(0, 5_000, 0)).toMatchObject({ attainment: null, gap: 0 });
  });
});
