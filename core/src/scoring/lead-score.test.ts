import { describe, expect, it } from 'vitest';
import {
  type BehaviourEvent,
  conditionHolds,
  decayed,
  engagementScore,
  type FieldCondition,
  fitScore,
  leadScore,
  type ScoringModel,
} from './lead-score.ts';
import { defaultScoringModel, scoringModelInput } from './scoring-model.schema.ts';

const now = new Date('2026-11-27T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

const model: ScoringModel = {
  fit: [
    {
      id: 'dm',
      label: 'Decision maker',
      field: 'persona',
      condition: { op: 'eq', value: 'decision_maker' },
      points: 20,
    },
    {
      id: 'title',
      label: 'Buyer title',
      field: 'jobTitle',
      condition: { op: 'containsAny', words: ['inkoop', 'directeur'] },
      points: 10,
    },
    {
      id: 'size',
      label: '50-500 employees',
      field: 'account.employeeCount',
      condition: { op: 'between', min: 50, max: 500 },
      points: 15,
    },
    {
      id: 'nl',
      label: 'In the Netherlands',
      field: 'account.country',
      condition: { op: 'in', values: ['NL', 'BE'] },
      points: 5,
    },
    {
      id: 'hubspot',
      label: 'Uses HubSpot',
      field: 'account.technologies',
      condition: { op: 'hasAny', values: ['HubSpot'] },
      points: 10,
    },
    {
      id: 'student',
      label: 'Student',
      field: 'jobTitle',
      condition: { op: 'containsAny', words: ['student'] },
      points: -30,
    },
  ],
  engagement: [
    {
      id: 'pricing',
      label: 'Viewed pricing',
      event: 'page_view',
      pathContains: '/pricing',
      points: 10,
      cap: 25,
    },
    { id: 'views', label: 'Page views', event: 'page_view', points: 1, cap: 10 },
    { id: 'form', label: 'Submitted a form', event: 'form_submit', points: 20 },
  ],
  halfLifeDays: 30,
  mqlThreshold: 60,
};

describe('lead scoring', () => {
  it('halves points every half-life', () => {
    expect(decayed(40, 0, 30)).toBe(40);
    expect(decayed(40, 30, 30)).toBe(20);
    expect(decayed(40, 60, 30)).toBe(10);
    expect(decayed(40, 15, 30)).toBeCloseTo(40 / Math.SQRT2, 10);
    expect(decayed(40, 90, 0)).toBe(40);
  });

  it('scores fit from contact and company fields, listing each rule that fired', () => {
    const contact = {
      persona: 'decision_maker',
      jobTitle: 'Directeur Inkoop',
      account: { employeeCount: 120, country: 'NL', technologies: ['WordPress', 'hubspot'] },
    };
    expect(fitScore(model.fit, contact)).toEqual({
      points: 60,
      fired: [
        { ruleId: 'dm', label: 'Decision maker', points: 20 },
        { ruleId: 'title', label: 'Buyer title', points: 10 },
        { ruleId: 'size', label: '50-500 employees', points: 15 },
        { ruleId: 'nl', label: 'In the Netherlands', points: 5 },
        { ruleId: 'hubspot', label: 'Uses HubSpot', points: 10 },
      ],
    });
  });

  it('takes points off for a poor fit, and reads a missing company as no match', () => {
    expect(fitScore(model.fit, { jobTitle: 'Student bedrijfskunde' })).toEqual({
      points: -30,
      fired: [{ ruleId: 'student', label: 'Student', points: -30 }],
    });
    expect(fitScore(model.fit, {}).points).toBe(0);
  });

  it('decays each event by its age and caps a rule', () => {
    const events: BehaviourEvent[] = [
      { type: 'page_view', path: '/pricing', at: daysAgo(0) },
      { type: 'page_view', path: '/pricing', at: daysAgo(30) },
      { type: 'page_view', path: '/blog/crm', at: daysAgo(60) },
      { type: 'form_submit', at: daysAgo(30) },
    ];
    // pricing: 10 + 5 = 15 (under its cap of 25); views: every page view, 1 + 0.5 + 0.25 = 1.75 -> 1.8;
    // form: 20 halved once = 10.
    expect(engagementScore(model.engagement, events, 30, now)).toEqual({
      points: 26.8,
      fired: [
        { ruleId: 'pricing', label: 'Viewed pricing', points: 15, events: 2 },
        { ruleId: 'views', label: 'Page views', points: 1.8, events: 3 },
        { ruleId: 'form', label: 'Submitted a form', points: 10, events: 1 },
      ],
    });
    const binge = Array.from({ length: 8 }, () => ({ type: 'page_view', path: '/pricing', at: now }));
    expect(engagementScore(model.engagement, binge, 30, now).fired[0]).toEqual({
      ruleId: 'pricing',
      label: 'Viewed pricing',
      points: 25,
      events: 8,
    });
  });

  it('ignores events after the moment scored', () => {
    expect(
      engagementScore(model.engagement, [{ type: 'form_submit', at: daysAgo(-1) }], 30, now).points,
    ).toBe(0);
  });

  it('adds fit and engagement and says when the total reaches the MQL threshold', () => {
    const contact = { persona: 'decision_maker', account: { employeeCount: 80, country: 'BE' } };
    // Fit 20 + 15 + 5 = 40; a form today 20: 60, exactly the threshold.
    const score = leadScore(model, contact, [{ type: 'form_submit', at: now }], now);
    expect([score.fit.points, score.engagement.points, score.total, score.isMql]).toEqual([40, 20, 60, true]);
    // A month later the form counts 10: 50, below it.
    const later = leadScore(
      model,
      contact,
      [{ type: 'form_submit', at: now }],
      new Date(now.getTime() + 30 * 86_400_000),
    );
    expect([later.total, later.isMql]).toEqual([50, false]);
  });

  it('compares text without regard to case, and blank values only with empty', () => {
    expect(conditionHolds({ op: 'eq', value: 'NL' }, 'nl')).toBe(true);
    expect(conditionHolds({ op: 'eq', value: '' }, '')).toBe(false);
    expect(conditionHolds({ op: 'empty' }, [])).toBe(true);
    expect(conditionHolds({ op: 'filled' }, ' ')).toBe(true);
    expect(conditionHolds({ op: 'between', min: 10 }, Number.NaN)).toBe(false);
    expect(conditionHolds({ op: 'between', max: 10 }, 10)).toBe(true);
  });

  it('matches codes by their start: an SBI section, a postcode area', () => {
    const software: FieldCondition = { op: 'startsWithAny', prefixes: ['62', '63'] };
    expect(conditionHolds(software, '62010')).toBe(true);
    expect(conditionHolds(software, '6311')).toBe(true);
    expect(conditionHolds(software, '4762')).toBe(false);
    expect(conditionHolds(software, null)).toBe(false);
    expect(conditionHolds({ op: 'startsWithAny', prefixes: ['10'] }, 1017)).toBe(true);
    expect(conditionHolds({ op: 'startsWithAny', prefixes: ['ab'] }, 'AB12')).toBe(true);
    // A list field has no start.
    expect(conditionHolds(software, ['62010'])).toBe(false);
  });

  it('tells a list that holds none of the values: not using a product', () => {
    const noExact: FieldCondition = { op: 'hasNone', values: ['exact online'] };
    expect(conditionHolds(noExact, ['HubSpot', 'WordPress'])).toBe(true);
    expect(conditionHolds(noExact, ['Exact Online'])).toBe(false);
    expect(conditionHolds(noExact, [])).toBe(true);
    expect(conditionHolds(noExact, null)).toBe(true);
  });
});

describe('the scoring model schema', () => {
  it('takes the default model, and refuses unknown fields, bad event names and repeated rule ids', () => {
    expect(scoringModelInput.parse(defaultScoringModel)).toEqual(defaultScoringModel);
    const bad = {
      ...defaultScoringModel,
      fit: [...defaultScoringModel.fit, { ...defaultScoringModel.fit[0]!, field: 'password' }],
    };
    expect(scoringModelInput.safeParse(bad).success).toBe(false);
    const badEvent = {
      ...defaultScoringModel,
      engagement: [{ id: 'x', label: 'X', event: 'Page View', points: 1 }],
    };
    expect(scoringModelInput.safeParse(badEvent).error?.issues[0]?.message).toBe(
      'Use lower case letters, digits and _.',
    );
    const twice = { ...defaultScoringModel, fit: [defaultScoringModel.fit[0]!, defaultScoringModel.fit[0]!] };
    expect(scoringModelInput.safeParse(twice).error?.issues[0]?.message).toBe(
      'Rule id decision-maker is used twice.',
    );
  });
});
