import type { PredictiveModelSummary } from '@baken/core/scoring/predictive.schema';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, expectProblem } from '../../test/factories.ts';
import {
  addMember,
  type Client,
  createTestApp,
  otherWorkspaceOwner,
  setUpOwner,
  type TestApp,
} from '../../test/harness.ts';

/** mulberry32: a small seeded generator, so the planted history is the same on every run. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * A history in which becoming a customer depends on three known things (software companies,
 * decision makers, demo requests) and not on the country or the size.
 */
async function plantHistory(test: TestApp, workspaceId: string, contacts: number) {
  const random = seeded(7);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  // Ids from the same generator: the holdout (a hash of the id) is the same on every run too.
  const id = () =>
    Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
      .join('')
      .replace(/^(.{8})(.{4}).(.{3}).(.{3})(.{12})$/, '$1-$2-4$3-8$4-$5');
  const accounts = Array.from({ length: contacts / 4 }, (_, index) => ({
    id: id(),
    name: `Historie ${index} BV`,
    industry: pick(['62010', '47110', '69201', '41000', '85310', '10710', '49410', '56101']),
    country: pick(['NL', 'BE']),
    employees: Math.floor(5 + random() * 400),
  }));
  const people = Array.from({ length: contacts }, () => {
    const account = pick(accounts);
    const persona = pick(['decision_maker', 'champion', 'influencer', 'user', 'gatekeeper']);
    const source = pick(['Demo request', 'Newsletter', 'Webinar', 'Beurs', 'Partner', 'Cold call']);
    const logit =
      -3.5 +
      3 * Number(account.industry.startsWith('62')) +
      3 * Number(persona === 'decision_maker') +
      3 * Number(source === 'Demo request');
    const customer = random() < 1 / (1 + Math.exp(-logit));
    return { id: id(), accountId: account.id, persona, source, customer };
  });
  await sql`
    insert into accounts (workspace_id, id, name, industry_code, country, employee_count)
    select ${workspaceId}, a.id, a.name, a.industry, a.country, a.employees
    from jsonb_to_recordset(${JSON.stringify(accounts)}::jsonb)
      as a(id uuid, name text, industry text, country text, employees int)`.execute(test.ctx.db);
  await sql`
    insert into contacts (workspace_id, id, last_name, account_id, persona, lead_source, lifecycle_stage)
    select ${workspaceId}, p.id, 'Historie', p."accountId", p.persona, p.source,
      case when p.customer then 'customer' else 'lead' end
    from jsonb_to_recordset(${JSON.stringify(people)}::jsonb)
      as p(id uuid, "accountId" uuid, persona text, source text, customer boolean)`.execute(test.ctx.db);
}

describe('predictive lead score', () => {
  let test: TestApp;
  let owner: Client;

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app, 'Historie BV');
  });
  afterAll(() => test.close());

  it('refuses to train on too little history, with a clear reason', async () => {
    await createContact(owner, { lastName: 'Eenling' });
    const response = await owner.post('/api/v1/predictive-model/train');
    expectProblem(response, 409);
    expect(response.json().detail).toContain('Not enough history');
    expect((await owner.ok<{ model: null }>('GET', '/api/v1/predictive-model')).model).toBeNull();
  });

  it('learns the planted causes from the history, reports an AUC over 0.8, and explains a prediction', async () => {
    const workspaceId = (await owner.ok<{ workspace: { id: string } }>('GET', '/api/v1/auth/me')).workspace
      .id;
    await plantHistory(test, workspaceId, 3000);
    const { model } = await owner.ok<{ model: PredictiveModelSummary }>(
      'POST',
      '/api/v1/predictive-model/train',
      undefined,
      200,
    );
    expect(model.auc).toBeGreaterThan(0.8);
    expect(model.quality).toBe('good');
    expect(model.trainingRows + model.holdoutRows).toBe(3001);
    expect(new Set(model.topFeatures.slice(0, 3).map((feature) => feature.column))).toEqual(
      new Set(['industry=62', 'persona=decision_maker', 'leadSource=demo request']),
    );
    expect(model.topFeatures.slice(0, 3).every((feature) => feature.weight > 1)).toBe(true);
    expect(
      (await owner.ok<{ model: PredictiveModelSummary }>('GET', '/api/v1/predictive-model')).model,
    ).toEqual(model);

    const likely = await createContact(owner, { persona: 'decision_maker', leadSource: 'Demo request' });
    const unlikely = await createContact(owner, { persona: 'user', leadSource: 'Newsletter' });
    type Prediction = { prediction: { probability: number; contributions: { column: string }[] } };
    const good = await owner.ok<Prediction>('GET', `/api/v1/contacts/${likely.id}/prediction`);
    const poor = await owner.ok<Prediction>('GET', `/api/v1/contacts/${unlikely.id}/prediction`);
    expect(good.prediction.probability).toBeGreaterThan(poor.prediction.probability);
    expect(good.prediction.contributions.map((part) => part.column)).toContain('persona=decision_maker');
  });

  it('lets only managers train, and keeps other workspaces out', async () => {
    const sales = await addMember(test.app, owner, 'sales');
    expectProblem(await sales.post('/api/v1/predictive-model/train'), 403);
    const stranger = await otherWorkspaceOwner(test, 'Vreemd BV');
    expect((await stranger.ok<{ model: null }>('GET', '/api/v1/predictive-model')).model).toBeNull();
    const contact = await createContact(owner, { lastName: 'Privé' });
    expectProblem(await stranger.get(`/api/v1/contacts/${contact.id}/prediction`), 404);
  });
});
