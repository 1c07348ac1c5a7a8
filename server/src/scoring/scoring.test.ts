import type { ScoringModel } from '@baken/core/scoring/lead-score';
import { defaultScoringModel } from '@baken/core/scoring/scoring-model.schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, createAccount, createContact, expectProblem } from '../../test/factories.ts';
import {
  addMember,
  type Client,
  createTestApp,
  otherWorkspaceOwner,
  setUpOwner,
  type TestApp,
} from '../../test/harness.ts';
import { runJobs } from '../../test/imports.ts';

type Score = {
  fit: number;
  engagement: number;
  total: number;
  isMql: boolean;
  fired: { fit: { ruleId: string }[] };
};

describe('lead scoring through the API', () => {
  let test: TestApp;
  let owner: Client;

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
  });
  afterAll(() => test.close());

  const score = (client: Client, id: string) => client.ok<Score>('GET', `/api/v1/contacts/${id}/score`);
  const stageOf = async (id: string) =>
    (await owner.ok<{ lifecycleStage: string }>('GET', `/api/v1/contacts/${id}`)).lifecycleStage;

  it('scores a contact by the default model and explains which rules fired', async () => {
    const account = await createAccount(owner, { employeeCount: 40, country: 'NL' });
    const contact = await createContact(owner, {
      persona: 'decision_maker',
      jobTitle: 'Eigenaar',
      accountId: account.id,
    });
    // 20 + 10 + 10 + 5.
    expect(await score(owner, contact.id)).toMatchObject({ fit: 45, engagement: 0, total: 45, isMql: false });
    expect((await score(owner, contact.id)).fired.fit.map((rule) => rule.ruleId)).toEqual([
      'decision-maker',
      'buyer-title',
      'company-size',
      'benelux',
    ]);
  });

  it('moves a contact to MQL the moment an event takes the score over the threshold', async () => {
    const account = await createAccount(owner, { employeeCount: 40, country: 'NL' });
    const contact = await createContact(owner, {
      persona: 'decision_maker',
      jobTitle: 'CEO',
      accountId: account.id,
    });
    const after = await owner.ok<Score>(
      'POST',
      `/api/v1/contacts/${contact.id}/events`,
      { type: 'page_view', path: '/pricing' },
      201,
    );
    // 45 fit; pricing 10 and the page view itself 1: 56, over 50.
    expect(after).toMatchObject({ fit: 45, engagement: 11, total: 56, isMql: true });
    expect(await stageOf(contact.id)).toBe('mql');
    const { data } = await owner.ok<{ data: { toStage: string; rule: string | null }[] }>(
      'GET',
      `/api/v1/contacts/${contact.id}/lifecycle`,
    );
    expect(data.at(-1)).toMatchObject({ toStage: 'mql', rule: 'score_mql' });
  });

  it('refuses an event of the future and a badly named event', async () => {
    const contact = await createContact(owner);
    expectProblem(
      await owner.post(`/api/v1/contacts/${contact.id}/events`, {
        type: 'form_submit',
        occurredAt: '2099-01-01T00:00:00Z',
      }),
      422,
      'occurredAt',
    );
    expectProblem(
      await owner.post(`/api/v1/contacts/${contact.id}/events`, { type: 'Form Submit' }),
      422,
      'type',
    );
  });

  it('previews a model, saves it for managers only, and rescores everyone in the background', async () => {
    const lenient: ScoringModel = { ...defaultScoringModel, mqlThreshold: 40 };
    const preview = await owner.ok<{ mql: number; mqlWithCurrentModel: number }>(
      'POST',
      '/api/v1/scoring-model/preview',
      lenient,
      200,
    );
    // The first contact scores 45: under the default 50, over 40. The second is over both.
    expect(preview).toEqual({ mql: 2, mqlWithCurrentModel: 1 });
    const sales = await addMember(test.app, owner, 'sales');
    expectProblem(await sales.put('/api/v1/scoring-model', lenient), 403);
    await owner.ok('PUT', '/api/v1/scoring-model', lenient);
    expect((await owner.ok<{ model: ScoringModel }>('GET', '/api/v1/scoring-model')).model.mqlThreshold).toBe(
      40,
    );
    await runJobs(test.ctx);
    const { data } = await owner.ok<{ data: { id: string; lifecycleStage: string }[] }>(
      'GET',
      '/api/v1/contacts?filter=lifecycleStage:eq:mql',
    );
    expect(data).toHaveLength(2);
    expect(
      (await auditOf(owner, (await owner.ok<{ id: string }>('GET', '/api/v1/workspace')).id)).at(-1),
    ).toMatchObject({
      entityType: 'scoring_model',
    });
  });

  it('refuses a model with an unknown field, naming it', async () => {
    const bad = { ...defaultScoringModel, fit: [{ ...defaultScoringModel.fit[0], field: 'passwordHash' }] };
    expectProblem(await owner.put('/api/v1/scoring-model', bad), 422);
  });

  it("keeps another workspace's contacts out of reach", async () => {
    const contact = await createContact(owner);
    const other = await otherWorkspaceOwner(test, 'Ander BV');
    expectProblem(await other.get(`/api/v1/contacts/${contact.id}/score`), 404);
    expectProblem(await other.post(`/api/v1/contacts/${contact.id}/events`, { type: 'page_view' }), 404);
  });
});
