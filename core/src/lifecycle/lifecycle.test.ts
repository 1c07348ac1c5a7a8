import { describe, expect, it } from 'vitest';
import { lifecycleStages } from '../contacts/contact.fields.ts';
import { funnelBand } from './lifecycle.ts';

describe('funnel bands', () => {
  it('puts subscribers and leads at the top, MQLs in the middle, SQLs and opportunities at the bottom', () => {
    expect(lifecycleStages.map((stage) => [stage, funnelBand(stage)])).toEqual([
      ['subscriber', 'tofu'],
      ['lead', 'tofu'],
      ['mql', 'mofu'],
      ['sql', 'bofu'],
      ['opportunity', 'bofu'],
      ['customer', 'customer'],
      ['evangelist', 'customer'],
      ['disqualified', 'out'],
    ]);
  });
});
