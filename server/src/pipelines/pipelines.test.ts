import type { Deal } from '@baken/core/deals/deal.schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOf,
  createDeal,
  defaultPipeline,
  expectProblem,
  type Pipeline,
  unique,
} from '../../test/factories.ts';
import { type Client, createTestApp, setUpOwner, type TestApp } from '../../test/harness.ts';

const PIPELINES = '/api/v1/pipelines';

const threeStages = [
  { name: 'Aanvraag', probability: 10 },
  { name: 'Voorstel', probability: 50 },
  { name: 'Akkoord', probability: 100, kind: 'won' },
];

describe('pipelines', () => {
  let test: TestApp;
  let owner: Client;

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
  });
  afterAll(() => test.close());

  const createPipeline = (fields: Record<string, unknown> = {}) =>
    owner.ok<Pipeline>('POST', PIPELINES, { name: `Pijplijn ${unique()}`, stages: threeStages, ...fields });
  const stagesOf = (pipeline: Pipeline) =>
    pipeline.stages.map(({ name, position, probability, kind }) => ({ name, position, probability, kind }));

  it('starts every workspace with the default B2B pipeline of eight stages', async () => {
    const { data } = await owner.ok<{ data: Pipeline[] }>('GET', PIPELINES);
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ name: 'Sales', isDefault: true, position: 0 });
    expect(stagesOf(data[0]!)).toEqual([
      { name: 'Prospect', position: 0, probability: 5, kind: 'open' },
      { name: 'Contacted', position: 1, probability: 10, kind: 'open' },
      { name: 'Meeting booked', position: 2, probability: 20, kind: 'open' },
      { name: 'Meeting held', position: 3, probability: 35, kind: 'open' },
      { name: 'Realistic opportunity', position: 4, probability: 55, kind: 'open' },
      { name: 'Offer out', position: 5, probability: 75, kind: 'open' },
      { name: 'Closed won', position: 6, probability: 100, kind: 'won' },
      { name: 'Closed lost', position: 7, probability: 0, kind: 'lost' },
    ]);
  });

  it('creates a pipeline with its stages in order, open unless said otherwise', async () => {
    const response = await owner.post(PIPELINES, { name: 'Partners', stages: threeStages });
    expect(response.statusCode).toBe(201);
    const created = response.json() as Pipeline;
    expect(created).toMatchObject({ name: 'Partners', isDefault: false });
    expect(created.position).toBeGreaterThan(0);
    expect(stagesOf(created)).toEqual([
      { name: 'Aanvraag', position: 0, probability: 10, kind: 'open' },
      { name: 'Voorstel', position: 1, probability: 50, kind: 'open' },
      { name: 'Akkoord', position: 2, probability: 100, kind: 'won' },
    ]);
    expect(await owner.ok('GET', `${PIPELINES}/${created.id}`)).toEqual(created);
  });

  it('refuses a pipeline without an open stage, without stages, or with repeated stage names', async () => {
    const closedOnly = [{ name: 'Gewonnen', probability: 100, kind: 'won' }];
    expectProblem(await owner.post(PIPELINES, { name: 'Dicht', stages: closedOnly }), 422, 'stages');
    expectProblem(await owner.post(PIPELINES, { name: 'Leeg', stages: [] }), 422, 'stages');
    const twice = [
      { name: 'Intake', probability: 10 },
      { name: 'intake', probability: 20 },
    ];
    expectProblem(await owner.post(PIPELINES, { name: 'Dubbel', stages: twice }), 422, 'stages');
  });

  it('answers 404 for a pipeline that does not exist', async () => {
    expectProblem(await owner.get(`${PIPELINES}/0190a000-0000-7000-8000-000000000000`), 404);
  });

  it('renames a pipeline and leaves its stages alone', async () => {
    const pipeline = await createPipeline();
    const renamed = await owner.ok<Pipeline>('PATCH', `${PIPELINES}/${pipeline.id}`, { name: 'Heropend' });
    expect(renamed.name).toBe('Heropend');
    expect(renamed.stages).toEqual(pipeline.stages);
  });

  it('reorders, changes, adds and removes stages through the ordered stage list', async () => {
    const pipeline = await createPipeline();
    const [aanvraag, voorstel, akkoord] = pipeline.stages;
    const changed = await owner.ok<Pipeline>('PATCH', `${PIPELINES}/${pipeline.id}`, {
      stages: [
        { id: voorstel!.id, name: 'Offerte', probability: 60 },
        { name: 'Onderhandeling', probability: 80 },
        { id: aanvraag!.id, name: 'Aanvraag', probability: 10 },
        { name: 'Verloren', probability: 0, kind: 'lost' },
      ],
    });
    expect(stagesOf(changed)).toEqual([
      { name: 'Offerte', position: 0, probability: 60, kind: 'open' },
      { name: 'Onderhandeling', position: 1, probability: 80, kind: 'open' },
      { name: 'Aanvraag', position: 2, probability: 10, kind: 'open' },
      { name: 'Verloren', position: 3, probability: 0, kind: 'lost' },
    ]);
    expect(changed.stages[0]!.id).toBe(voorstel!.id);
    expect(changed.stages[2]!.id).toBe(aanvraag!.id);
    expect(changed.stages.map((stage) => stage.id)).not.toContain(akkoord!.id);
    expect(await owner.ok('GET', `${PIPELINES}/${pipeline.id}`)).toEqual(changed);
  });

  it('refuses a stage id of another pipeline in the stage list, naming its place', async () => {
    const pipeline = await createPipeline();
    const sales = await defaultPipeline(owner);
    const response = await owner.patch(`${PIPELINES}/${pipeline.id}`, {
      stages: [
        { id: pipeline.stages[0]!.id, name: 'Aanvraag', probability: 10 },
        { id: sales.stages[1]!.id, name: 'Geleend', probability: 20 },
      ],
    });
    expectProblem(response, 422, 'stages.1.id');
    expect(await defaultPipeline(owner)).toEqual(sales);
  });

  // Found by fuzz.test.ts: a new pipeline's stage list was upserted by id, so an id of another pipeline's
  // stage renamed and moved that stage instead of adding one.
  it('refuses stage ids in a new pipeline, leaving the stage of another pipeline as it was', async () => {
    const sales = await defaultPipeline(owner);
    const response = await owner.post(PIPELINES, {
      name: `Pijplijn ${unique()}`,
      stages: [
        { id: sales.stages[1]!.id, name: 'Gekaapt', probability: 20 },
        { name: 'Eigen', probability: 30 },
      ],
    });
    expectProblem(response, 422, 'stages.0.id');
    expect(await defaultPipeline(owner)).toEqual(sales);
  });

  it('refuses a stage list that names the same stage twice', async () => {
    const pipeline = await createPipeline();
    const [first] = pipeline.stages;
    const response = await owner.patch(`${PIPELINES}/${pipeline.id}`, {
      stages: [
        { id: first!.id, name: 'Aanvraag', probability: 10 },
        { id: first!.id, name: 'Nog eens', probability: 20 },
      ],
    });
    expectProblem(response, 422, 'stages');
    expect(await owner.ok('GET', `${PIPELINES}/${pipeline.id}`)).toEqual(pipeline);
  });

  it('refuses to remove a stage that still holds deals, and changes nothing', async () => {
    const pipeline = await createPipeline();
    const deal = await createDeal(owner, { pipelineId: pipeline.id, stageId: pipeline.stages[1]!.id });
    const response = await owner.patch(`${PIPELINES}/${pipeline.id}`, {
      name: 'Zonder voorstel',
      stages: [
        { id: pipeline.stages[0]!.id, name: 'Aanvraag', probability: 15 },
        { id: pipeline.stages[2]!.id, name: 'Akkoord', probability: 100, kind: 'won' },
      ],
    });
    expectProblem(response, 409);
    expect(await owner.ok('GET', `${PIPELINES}/${pipeline.id}`)).toEqual(pipeline);
    expect((await owner.ok<Deal>('GET', `/api/v1/deals/${deal.id}`)).stageId).toBe(pipeline.stages[1]!.id);
  });

  it('removes a stage without deals while other stages hold deals', async () => {
    const pipeline = await createPipeline();
    await createDeal(owner, { pipelineId: pipeline.id });
    const changed = await owner.ok<Pipeline>('PATCH', `${PIPELINES}/${pipeline.id}`, {
      stages: [
        { id: pipeline.stages[0]!.id, name: 'Aanvraag', probability: 10 },
        { id: pipeline.stages[2]!.id, name: 'Akkoord', probability: 100, kind: 'won' },
      ],
    });
    expect(changed.stages.map((stage) => stage.name)).toEqual(['Aanvraag', 'Akkoord']);
  });

  it('makes another pipeline the default, and only one at a time', async () => {
    const sales = await defaultPipeline(owner);
    const other = await createPipeline();
    expect(
      (await owner.ok<Pipeline>('PATCH', `${PIPELINES}/${other.id}`, { isDefault: true })).isDefault,
    ).toBe(true);
    const { data } = await owner.ok<{ data: Pipeline[] }>('GET', PIPELINES);
    expect(data.filter((pipeline) => pipeline.isDefault).map((pipeline) => pipeline.id)).toEqual([other.id]);
    const deal = await createDeal(owner);
    expect(deal.pipelineId).toBe(other.id);
    await owner.ok('PATCH', `${PIPELINES}/${sales.id}`, { isDefault: true });
    expect((await defaultPipeline(owner)).id).toBe(sales.id);
  });

  it('refuses to delete the default pipeline', async () => {
    const sales = await defaultPipeline(owner);
    expectProblem(await owner.delete(`${PIPELINES}/${sales.id}`), 409);
    expect((await defaultPipeline(owner)).id).toBe(sales.id);
  });

  it('refuses to delete a pipeline that holds deals', async () => {
    const pipeline = await createPipeline();
    await createDeal(owner, { pipelineId: pipeline.id });
    expectProblem(await owner.delete(`${PIPELINES}/${pipeline.id}`), 409);
    expect((await owner.get(`${PIPELINES}/${pipeline.id}`)).statusCode).toBe(200);
  });

  it('deletes an empty pipeline: 204, then 404', async () => {
    const pipeline = await createPipeline();
    expect((await owner.delete(`${PIPELINES}/${pipeline.id}`)).statusCode).toBe(204);
    expectProblem(await owner.get(`${PIPELINES}/${pipeline.id}`), 404);
    expectProblem(
      await owner.post('/api/v1/deals', { name: 'Wees', stageId: pipeline.stages[0]!.id }),
      422,
      'stageId',
    );
  });

  it('leaves an audit row for create, update and delete', async () => {
    const pipeline = await createPipeline({ name: 'Te verwijderen' });
    await owner.ok('PATCH', `${PIPELINES}/${pipeline.id}`, { name: 'Weg ermee' });
    await owner.ok('DELETE', `${PIPELINES}/${pipeline.id}`);
    const trail = await auditOf(owner, pipeline.id);
    expect(trail.map((entry) => [entry.action, entry.entityType])).toEqual([
      ['create', 'pipeline'],
      ['update', 'pipeline'],
      ['delete', 'pipeline'],
    ]);
    expect(trail[1]!.changes).toEqual({ name: { from: 'Te verwijderen', to: 'Weg ermee' } });
  });
});
