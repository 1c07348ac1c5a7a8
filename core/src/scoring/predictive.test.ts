import { describe, expect, it } from 'vitest';
import {
  areaUnderCurve,
  isHeldOut,
  type PredictiveModel,
  predict,
  type TrainingRow,
  topFeatures,
  trainPredictiveModel,
} from './predictive.ts';

/** A small seeded PRNG (mulberry32) so the planted history is the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, values: T[]): T => values[Math.floor(random() * values.length)]!;

/**
 * Contacts whose outcome depends on industry 62, the Netherlands, company size and HubSpot, and not
 * at all on the colour, the noise number or the newsletter flag.
 */
function plantedHistory(count: number, seed = 42): TrainingRow[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => {
    const industry = pick(random, ['62', '47', '10', '41', '86', '70']);
    const country = pick(random, ['NL', 'BE', 'DE', 'FR', 'GB']);
    const employees = Math.round(Math.exp(random() * 7));
    const technologies = ['hubspot', 'salesforce', 'slack', 'jira', 'wordpress'].filter(() => random() < 0.3);
    const features = {
      industry,
      country,
      employees,
      technologies,
      colour: pick(random, ['red', 'green', 'blue', 'yellow']),
      noise: random() * 1000,
      newsletter: random() < 0.5,
    };
    // log1p(employees) is about uniform on 0..7 (stdev ~2), so 0.6 per log unit is ~1.2 per stdev.
    const logOdds =
      -5.5 +
      2.5 * Number(industry === '62') +
      2 * Number(country === 'NL') +
      0.6 * Math.log1p(employees) +
      2 * Number(technologies.includes('hubspot'));
    const label: 0 | 1 = random() < 1 / (1 + Math.exp(-logOdds)) ? 1 : 0;
    return { id: `contact-${i}`, features, label };
  });
}

const history = plantedHistory(4000);
const model = trainPredictiveModel(history);

const planted = ['industry=62', 'country=NL', 'employees', 'technologies=hubspot'];
const likelyCustomer = { industry: '62', country: 'NL', employees: 400, technologies: ['hubspot'] };
const unlikelyCustomer = { industry: '47', country: 'DE', employees: 2, technologies: [] };

describe('area under the ROC curve', () => {
  it('counts the share of customer/non-customer pairs ranked right', () => {
    // Pairs (customer, non-customer): 0.35>0.1, 0.35<0.4, 0.8>0.1, 0.8>0.4: 3 of 4.
    expect(areaUnderCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });

  it('counts a tie between a customer and a non-customer as half a pair', () => {
    // 0.5>0.2, 0.5=0.5 (half), 0.9>0.2, 0.9>0.5: 3.5 of 4.
    expect(areaUnderCurve([0.2, 0.5, 0.5, 0.9], [0, 1, 0, 1])).toBe(0.875);
    expect(areaUnderCurve([0.3, 0.3, 0.3, 0.3], [0, 1, 0, 1])).toBe(0.5);
  });

  it('is 1 for a perfect ranking and 0 for an inverted one', () => {
    expect(areaUnderCurve([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(areaUnderCurve([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
  });

  it('is null when only one class is present', () => {
    expect(areaUnderCurve([0.1, 0.9], [1, 1])).toBeNull();
    expect(areaUnderCurve([0.1, 0.9], [0, 0])).toBeNull();
    expect(areaUnderCurve([], [])).toBeNull();
  });
});

describe('holdout split', () => {
  const ids = Array.from({ length: 4000 }, (_, i) => `contact-${i}`);

  it('puts the same contacts in the holdout every time, about a quarter of them', () => {
    const first = ids.filter((id) => isHeldOut(id));
    expect(ids.filter((id) => isHeldOut(id))).toEqual(first);
    expect(first.length / ids.length).toBeGreaterThan(0.22);
    expect(first.length / ids.length).toBeLessThan(0.28);
  });

  it('measures the model on exactly the held-out contacts and learns from the rest', () => {
    const heldOut = history.filter((row) => isHeldOut(row.id)).length;
    expect(model.holdoutRows).toBe(heldOut);
    expect(model.trainingRows).toBe(history.length - heldOut);
    expect(model.baseRate).toBeCloseTo(model.positives / model.trainingRows, 12);
  });

  it('gives the same model when trained twice on the same history', () => {
    expect(trainPredictiveModel(history)).toEqual(model);
  });
});

describe('predictive model', () => {
  it('separates customers from non-customers on the holdout', () => {
    expect(model.auc).not.toBeNull();
    expect(model.auc!).toBeGreaterThan(0.8);
  });

  it('ranks exactly the planted attributes as the four strongest', () => {
    const top = topFeatures(model, 4);
    expect(top.map((feature) => feature.column).sort()).toEqual([...planted].sort());
    expect(top.every((feature) => feature.weight > 0.9)).toBe(true);
    expect(top.map((feature) => feature.label)).toContain('employees (log)');
    expect(top.map((feature) => feature.label)).toContain('industry = 62');
  });

  it('gives the noise attributes little weight', () => {
    const noise = topFeatures(model, model.columns.length).filter((feature) =>
      /^(colour=|noise$|newsletter$)/.test(feature.column),
    );
    expect(noise.map((feature) => feature.column).sort()).toEqual([
      'colour=blue',
      'colour=green',
      'colour=red',
      'colour=yellow',
      'newsletter',
      'noise',
    ]);
    for (const feature of noise) expect(Math.abs(feature.weight)).toBeLessThan(0.25);
  });

  it('scores a planted customer profile above a non-customer one, naming the planted reasons', () => {
    const likely = predict(model, likelyCustomer);
    const unlikely = predict(model, unlikelyCustomer);
    expect(likely.probability).toBeGreaterThan(0.8);
    expect(unlikely.probability).toBeLessThan(0.1);
    expect(likely.contributions.map((part) => part.column).sort()).toEqual([...planted].sort());
    expect(likely.contributions.every((part) => part.contribution > 0)).toBe(true);
    expect(likely.contributions.map((part) => part.label)).toContain('technologies includes hubspot');
  });

  it('lists at most five non-zero contributions, largest first', () => {
    const { contributions } = predict(model, { ...likelyCustomer, colour: 'red', newsletter: true });
    expect(contributions.length).toBeLessThanOrEqual(5);
    expect(contributions.every((part) => part.contribution !== 0)).toBe(true);
    const sizes = contributions.map((part) => Math.abs(part.contribution));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('treats unseen values and missing numbers as no evidence', () => {
    const { probability, contributions } = predict(model, { industry: 'unknown', employees: null });
    expect(contributions).toEqual([]);
    expect(probability).toBeCloseTo(1 / (1 + Math.exp(-model.intercept)), 12);
  });

  it('survives a round trip through JSON and predicts the same', () => {
    const stored = JSON.parse(JSON.stringify(model)) as PredictiveModel;
    expect(stored).toEqual(model);
    expect(predict(stored, likelyCustomer)).toEqual(predict(model, likelyCustomer));
    expect(predict(stored, unlikelyCustomer)).toEqual(predict(model, unlikelyCustomer));
  });
});

describe('too little history', () => {
  const message =
    'Not enough history to learn from: need at least 20 contacts with both customers and non-customers.';

  it('refuses fewer than 20 contacts', () => {
    expect(() => trainPredictiveModel(plantedHistory(12))).toThrow(message);
  });

  it('refuses a history without customers or without non-customers', () => {
    const rows = plantedHistory(200);
    expect(() => trainPredictiveModel(rows.map((row) => ({ ...row, label: 0 as const })))).toThrow(message);
    expect(() => trainPredictiveModel(rows.map((row) => ({ ...row, label: 1 as const })))).toThrow(message);
  });
});
