import { describe, expect, it } from 'vitest';
import { groupTechnologies } from './technology-groups.ts';

describe('groupTechnologies', () => {
  it('groups by category in order, keeping the order within a group, unknown names last', () => {
    expect(groupTechnologies(['Mollie', 'Exact Online', 'WordPress', 'Stripe', 'Drupal'])).toEqual([
      ['cms', ['WordPress', 'Drupal']],
      ['payments', ['Mollie', 'Stripe']],
      ['other', ['Exact Online']],
    ]);
  });
});
