import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createContact,
  createDeal,
  defaultPipeline,
  defineCustomField,
  expectProblem,
} from '../../../test/factories.ts';
import { type Client, createTestApp, setUpOwner, type TestApp } from '../../../test/harness.ts';

describe('cached reads of rarely changing rows', () => {
  let test: TestApp;
  let owner: Client;
  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
  });
  afterAll(() => test.close());

  it('checks a write against a custom field defined just before it', async () => {
    await createContact(owner, { lastName: 'Voor' });
    await defineCustomField(owner, { recordType: 'contact', key: 'region', type: 'text', required: true });
    expectProblem(await owner.post('/api/v1/contacts', { lastName: 'Na' }), 422, 'custom.region');
    const contact = await createContact(owner, { lastName: 'Na', custom: { region: 'Noord' } });
    expect(contact.custom).toEqual({ region: 'Noord' });
  });

  it('moves a deal with the probability its stage was given just before', async () => {
    const pipeline = await defaultPipeline(owner);
    const [first, second] = pipeline.stages;
    const deal = await createDeal(owner, { name: 'Kansrijk' });
    await owner.ok('PATCH', `/api/v1/deals/${deal.id}`, { stageId: second!.id });
    await owner.ok('PATCH', `/api/v1/deals/${deal.id}`, { stageId: first!.id });
    await owner.ok('PATCH', `/api/v1/pipelines/${pipeline.id}`, {
      stages: pipeline.stages.map((stage) => ({
        id: stage.id,
        name: stage.name,
        kind: stage.kind,
        probability: stage.id === second!.id ? 77 : stage.probability,
      })),
    });
    const moved = await owner.ok<{ probability: number }>('PATCH', `/api/v1/deals/${deal.id}`, {
      stageId: second!.id,
    });
    expect(moved.probability).toBe(77);
  });
});
