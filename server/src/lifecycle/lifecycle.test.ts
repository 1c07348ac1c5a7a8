import type { LifecycleChange, LifecycleSummary } from '@baken/core/lifecycle/lifecycle.schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  atTime,
  createAccount,
  createContact,
  createDeal,
  defaultPipeline,
  expectProblem,
  type Pipeline,
  stageNamed,
  timelineOf,
} from '../../test/factories.ts';
import {
  type Client,
  createTestApp,
  otherWorkspaceOwner,
  setUpOwner,
  type TestApp,
  tokenClient,
} from '../../test/harness.ts';
import { csvOf, runJobs, uploadImportFile } from '../../test/imports.ts';

const history = async (client: Client, contactId: string) =>
  (await client.ok<{ data: LifecycleChange[] }>('GET', `/api/v1/contacts/${contactId}/lifecycle`)).data.map(
    ({ fromStage, toStage, cause, rule, changedAt }) => ({ fromStage, toStage, cause, rule, changedAt }),
  );

describe('lifecycle', () => {
  let test: TestApp;
  let owner: Client;
  let pipeline: Pipeline;

  beforeAll(async () => {
    test = await createTestApp();
    // A clock that starts in January and ticks a second a call: histories come out in the order of
    // the writes, and the times a test sets with atTime() lie after everything made before them.
    let tick = Date.parse('2026-01-01T00:00:00.000Z');
    test.ctx.now = () => {
      tick += 1000;
      return new Date(tick);
    };
    // An API token: a session would expire as the clock jumps months ahead.
    owner = await tokenClient(test.app, await setUpOwner(test.app));
    pipeline = await defaultPipeline(owner);
  });
  afterAll(() => test.close());

  it("records a person's changes with the stage before, at the app's time", async () => {
    const contact = await atTime(test, '2026-05-04T08:00:00.000Z', () =>
      createContact(owner, { lifecycleStage: 'lead' }),
    );
    await atTime(test, '2026-05-06T10:30:00.000Z', () =>
      owner.ok('PATCH', `/api/v1/contacts/${contact.id}`, { lifecycleStage: 'mql' }),
    );
    // Saving without a change of stage is no transition.
    await owner.ok('PATCH', `/api/v1/contacts/${contact.id}`, { jobTitle: 'Inkoper' });
    expect(await history(owner, contact.id)).toEqual([
      { fromStage: null, toStage: 'lead', cause: 'user', rule: null, changedAt: '2026-05-04T08:00:00.000Z' },
      { fromStage: 'lead', toStage: 'mql', cause: 'user', rule: null, changedAt: '2026-05-06T10:30:00.000Z' },
    ]);
  });

  it('makes a contact put on an open deal an opportunity, by rule, and says so on the timeline', async () => {
    const contact = await createContact(owner, { lifecycleStage: 'sql' });
    const deal = await createDeal(owner);
    await atTime(test, '2026-06-01T09:00:00.000Z', () =>
      owner.ok('PUT', `/api/v1/deals/${deal.id}/contacts/${contact.id}`, { role: 'decision_maker' }),
    );
    expect((await history(owner, contact.id)).at(-1)).toEqual({
      fromStage: 'sql',
      toStage: 'opportunity',
      cause: 'rule',
      rule: 'deal_opened',
      changedAt: '2026-06-01T09:00:00.000Z',
    });
    const entries = (await timelineOf(owner, `/api/v1/contacts/${contact.id}`)).data;
    expect(entries.find((entry) => entry.kind === 'lifecycle')?.data).toEqual({
      fromStage: 'sql',
      toStage: 'opportunity',
      cause: 'rule',
      rule: 'deal_opened',
    });
  });

  it('never moves a contact back: a customer put on a new deal stays a customer', async () => {
    const contact = await createContact(owner, { lifecycleStage: 'customer' });
    const deal = await createDeal(owner);
    await owner.ok('PUT', `/api/v1/deals/${deal.id}/contacts/${contact.id}`, {});
    expect((await history(owner, contact.id)).map((change) => change.toStage)).toEqual(['customer']);
  });

  it("makes a won deal's contacts and its company's contacts customers, and leaves evangelists be", async () => {
    const account = await createAccount(owner);
    const onDeal = await createContact(owner, { lifecycleStage: 'lead' });
    const colleague = await createContact(owner, { accountId: account.id, lifecycleStage: 'mql' });
    const fan = await createContact(owner, { accountId: account.id, lifecycleStage: 'evangelist' });
    const elsewhere = await createContact(owner, { lifecycleStage: 'lead' });
    const deal = await createDeal(owner, { accountId: account.id });
    await owner.ok('PUT', `/api/v1/deals/${deal.id}/contacts/${onDeal.id}`, {});
    await atTime(test, '2026-07-01T12:00:00.000Z', () =>
      owner.ok('PATCH', `/api/v1/deals/${deal.id}`, { stageId: stageNamed(pipeline, 'Closed won').id }),
    );
    expect((await history(owner, onDeal.id)).map((change) => [change.toStage, change.rule])).toEqual([
      ['lead', null],
      ['opportunity', 'deal_opened'],
      ['customer', 'deal_won'],
    ]);
    expect((await history(owner, colleague.id)).at(-1)).toMatchObject({
      fromStage: 'mql',
      toStage: 'customer',
      rule: 'deal_won',
      changedAt: '2026-07-01T12:00:00.000Z',
    });
    expect((await history(owner, fan.id)).map((change) => change.toStage)).toEqual(['evangelist']);
    expect((await history(owner, elsewhere.id)).map((change) => change.toStage)).toEqual(['lead']);
    // Editing the won deal later does not apply the rule again to someone moved on by hand since.
    await atTime(test, '2026-07-02T09:00:00.000Z', async () => {
      await owner.ok('PATCH', `/api/v1/contacts/${colleague.id}`, { lifecycleStage: 'disqualified' });
      await owner.ok('PATCH', `/api/v1/deals/${deal.id}`, { amount: 1250 });
    });
    expect((await history(owner, colleague.id)).at(-1)?.toStage).toBe('disqualified');
  });

  it('records contacts an import creates or moves as the import’s doing', async () => {
    const existing = await createContact(owner, { email: 'ans@vanvliet.nl', lifecycleStage: 'lead' });
    const upload = await uploadImportFile(
      test.app,
      owner.headers(),
      'contact',
      'leads.csv',
      Buffer.from(
        csvOf([
          ['E-mail', 'Levenscyclusfase'],
          ['ans@vanvliet.nl', 'mql'],
          ['piet@vanvliet.nl', 'lead'],
        ]),
      ),
    );
    const { id } = upload.json() as { id: string };
    await owner.ok('PATCH', `/api/v1/imports/${id}`, { options: { mode: 'both' } });
    await owner.ok('POST', `/api/v1/imports/${id}/start`, {}, 202);
    await runJobs(test.ctx);
    expect((await history(owner, existing.id)).map((change) => [change.toStage, change.cause])).toEqual([
      ['lead', 'user'],
      ['mql', 'import'],
    ]);
  });

  it('counts the contacts in each stage, in funnel order with the band, for this workspace only', async () => {
    const other = await otherWorkspaceOwner(test, 'Telling BV');
    await createContact(other, { lifecycleStage: 'mql' });
    await createContact(other, { lifecycleStage: 'mql' });
    await createContact(other, { lifecycleStage: 'customer' });
    await createContact(owner, { lifecycleStage: 'mql' });
    const { data } = await other.ok<LifecycleSummary>('GET', '/api/v1/lifecycle/summary');
    expect(data).toEqual([
      { stage: 'subscriber', band: 'tofu', count: 0 },
      { stage: 'lead', band: 'tofu', count: 0 },
      { stage: 'mql', band: 'mofu', count: 2 },
      { stage: 'sql', band: 'bofu', count: 0 },
      { stage: 'opportunity', band: 'bofu', count: 0 },
      { stage: 'customer', band: 'customer', count: 1 },
      { stage: 'evangelist', band: 'customer', count: 0 },
      { stage: 'disqualified', band: 'out', count: 0 },
    ]);
  });

  it('answers 404 for a contact of another workspace', async () => {
    const contact = await createContact(owner);
    const other = await otherWorkspaceOwner(test, 'Ander BV');
    expectProblem(await other.get(`/api/v1/contacts/${contact.id}/lifecycle`), 404);
  });
});
