import { describe, expect, it } from 'vitest';
import { nps } from './nps.ts';

describe('NPS', () => {
  it('subtracts the share of detractors from the share of promoters', () => {
    // 2 promoters (9, 10), 1 passive (8), 2 detractors (6, 0): (2 − 2) / 5 = 0.
    expect(nps([9, 10, 8, 6, 0])).toBe(0);
    // 2 promoters, 2 passives of 4: 50 − 0 = 50.
    expect(nps([10, 9, 7, 8])).toBe(50);
    expect(nps([0, 3])).toBe(-100);
  });

  it('rounds to a whole number, halves away from zero', () => {
    // 3 promoters − 2 detractors of 8 answers: 100 × 1 / 8 = 12.5 → 13, and −12.5 → −13.
    expect(nps([10, 9, 9, 8, 7, 7, 6, 0])).toBe(13);
    expect(nps([0, 5, 6, 8, 7, 7, 9, 10])).toBe(-13);
    // 1 promoter of 3: 33.33… → 33.
    expect(nps([9, 7, 7])).toBe(33);
  });

  it('is null with no answers and refuses a score outside 0-10', () => {
    expect(nps([])).toBeNull();
    expect(() => nps([11])).toThrow(RangeError);
    expect(() => nps([7.5])).toThrow(RangeError);
  });
});
