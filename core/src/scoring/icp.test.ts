import { describe, expect, it } from 'vitest';
import { type IcpCriterion, icpFit, icpSuggestions, type ProfiledAccount, sizeBand } from './icp.ts';

const criteria: IcpCriterion[] = [
  {
    id: 'it',
    label: 'IT services',
    field: 'industryCode',
    condition: { op: 'in', values: ['62010', '62020'] },
    weight: 3,
  },
  {
    id: 'size',
    label: '50-500 employees',
    field: 'employeeCount',
    condition: { op: 'between', min: 50, max: 500 },
    weight: 2,
  },
  {
    id: 'benelux',
    label: 'Benelux',
    field: 'country',
    condition: { op: 'in', values: ['NL', 'BE', 'LU'] },
    weight: 1,
  },
  {
    id: 'crm',
    label: 'Uses a CRM',
    field: 'technologies',
    condition: { op: 'hasAny', values: ['HubSpot', 'Salesforce'] },
    weight: 4,
  },
];

describe('ICP fit', () => {
  it("scores the share of the criteria's weight a company meets, with every criterion as a reason", () => {
    // IT (3) + Benelux (1) of 10: 40.
    const fit = icpFit(criteria, {
      industryCode: '62010',
      employeeCount: 12,
      country: 'NL',
      technologies: [],
    });
    expect(fit.score).toBe(40);
    expect(fit.reasons.map((reason) => [reason.criterionId, reason.met])).toEqual([
      ['it', true],
      ['size', false],
      ['benelux', true],
      ['crm', false],
    ]);
    expect(
      icpFit(criteria, {
        industryCode: '62020',
        employeeCount: 50,
        country: 'BE',
        technologies: ['Salesforce'],
      }).score,
    ).toBe(100);
    expect(icpFit(criteria, {}).score).toBe(0);
    expect(icpFit([], { country: 'NL' }).score).toBe(0);
  });

  it('reads custom fields by path', () => {
    const partner: IcpCriterion = {
      id: 'p',
      label: 'Partner',
      field: 'custom.partner',
      condition: { op: 'eq', value: true },
      weight: 1,
    };
    expect(icpFit([partner], { custom: { partner: true } }).score).toBe(100);
  });
});

describe('data-driven ICP', () => {
  const account = (
    best: boolean,
    industry: string,
    size: number,
    technologies: string[],
  ): ProfiledAccount => ({
    best,
    attributes: { industry, size: sizeBand(size), technologies },
  });
  // Ten companies, four of them the best customers.
  const accounts = [
    account(true, 'software', 120, ['HubSpot']),
    account(true, 'software', 80, ['HubSpot', 'WordPress']),
    account(true, 'software', 300, ['Salesforce']),
    account(true, 'retail', 60, ['HubSpot']),
    account(false, 'software', 5, ['WordPress']),
    account(false, 'retail', 20, ['WordPress']),
    account(false, 'retail', 8, []),
    account(false, 'bouw', 150, ['WordPress']),
    account(false, 'bouw', 30, []),
    account(false, 'zorg', 400, ['HubSpot']),
  ];

  it('finds the values over-represented among the best customers, with support and lift', () => {
    // software: 3 of 4 best (0.75) against 4 of 10 (0.4): lift 1.875.
    // size 50-249: 3 of 4 best against 4 of 10 (120, 80, 60, 150): lift 1.875.
    // HubSpot: 3 of 4 best against 4 of 10: lift 1.875. Salesforce: 1 of 4 best: support 0.25, too rare.
    // WordPress: 1 of 4 best against 4 of 10: lift 0.625, not over-represented.
    const found = icpSuggestions(accounts);
    expect(
      found.map(({ field, value, support, lift, count }) => [field, value, support, lift, count]),
    ).toEqual([
      ['industry', 'software', 0.75, 1.875, 3],
      ['size', '50-249', 0.75, 1.875, 3],
      ['technologies', 'HubSpot', 0.75, 1.875, 3],
    ]);
  });

  it('lets the thresholds decide, and finds nothing without best customers', () => {
    const loose = icpSuggestions(accounts, { minSupport: 0.25, minLift: 1 });
    expect(loose.find((suggestion) => suggestion.value === 'Salesforce')).toMatchObject({
      support: 0.25,
      lift: 2.5,
    });
    expect(icpSuggestions(accounts.map((entry) => ({ ...entry, best: false })))).toEqual([]);
  });

  it('bands employee counts', () => {
    expect([null, 1, 9, 10, 49, 50, 249, 250, 10_000].map(sizeBand)).toEqual([
      null,
      '1-9',
      '1-9',
      '10-49',
      '10-49',
      '50-249',
      '50-249',
      '250+',
      '250+',
    ]);
  });
});
