import type { Deal } from '@baken/core/deals/deal.schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allPages,
  atTime,
  auditOf,
  createContact,
  createDeal,
  defaultPipeline,
  defineCustomField,
  expectedOrder,
  expectProblem,
  list,
  type Pipeline,
  stageNamed,
  timelineOf,
  unique,
} from '../../test/factories.ts';
import { type Client, createTestApp, setUpOwner, type TestApp } from '../../test/harness.ts';

const DEALS = '/api/v1/deals';

describe('deals', () => {
  let test: TestApp;
  let owner: Client;
  let sales: Pipeline;
  let partners: Pipeline;
  const stage = (name: string) => stageNamed(sales, name);

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
    sales = await defaultPipeline(owner);
    partners = await owner.ok<Pipeline>('POST', '/api/v1/pipelines', {
      name: 'Partners',
      stages: [
        { name: 'Intake', probability: 15 },
        { name: 'Contract', probability: 80 },
        { name: 'Getekend', probability: 100, kind: 'won' },
      ],
    });
    await defineCustomField(owner, { recordType: 'deal', key: 'renewal_date', type: 'date' });
  });
  afterAll(() => test.close());

  describe('create, read, change, delete', () => {
    it("creates a deal in the default pipeline's first stage with that stage's probability", async () => {
      const response = await owner.post(DEALS, {
        name: 'Nieuwe website',
        amount: 1_250_000,
        currency: 'eur',
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        name: 'Nieuwe website',
        pipelineId: sales.id,
        stageId: stage('Prospect').id,
        probability: 5,
        amount: 1_250_000,
        currency: 'EUR',
        forecastCategory: 'pipeline',
        actualCloseDate: null,
      });
    });

    it('creates a deal in the stage it names, keeping a probability that is given', async () => {
      const inStage = await createDeal(owner, { stageId: stage('Offer out').id });
      expect(inStage).toMatchObject({
        pipelineId: sales.id,
        stageId: stage('Offer out').id,
        probability: 75,
      });
      const explicit = await createDeal(owner, { stageId: stage('Offer out').id, probability: 60 });
      expect(explicit.probability).toBe(60);
    });

    it('creates a deal in the first stage of the pipeline it names', async () => {
      const deal = await createDeal(owner, { pipelineId: partners.id });
      expect(deal).toMatchObject({
        pipelineId: partners.id,
        stageId: partners.stages[0]!.id,
        probability: 15,
      });
    });

    it('refuses a stage of another pipeline than the one named, with 422 on stageId', async () => {
      expectProblem(
        await owner.post(DEALS, { name: 'Mis', pipelineId: sales.id, stageId: partners.stages[1]!.id }),
        422,
        'stageId',
      );
      const deal = await createDeal(owner);
      const response = await owner.patch(`${DEALS}/${deal.id}`, {
        pipelineId: sales.id,
        stageId: partners.stages[1]!.id,
      });
      expectProblem(response, 422, 'stageId');
      expect((await owner.ok<Deal>('GET', `${DEALS}/${deal.id}`)).stageId).toBe(stage('Prospect').id);
    });

    it('refuses a stage that does not exist, with 422 on stageId', async () => {
      expectProblem(
        await owner.post(DEALS, { name: 'Nergens', stageId: '0190a000-0000-7000-8000-000000000000' }),
        422,
        'stageId',
      );
    });

    it('refuses a negative or fractional amount, with 422 on amount', async () => {
      expectProblem(await owner.post(DEALS, { name: 'Min', amount: -100 }), 422, 'amount');
      expectProblem(await owner.post(DEALS, { name: 'Centen', amount: 10.5 }), 422, 'amount');
    });

    it('refuses an expected close date that does not exist, with 422 on expectedCloseDate', async () => {
      expectProblem(
        await owner.post(DEALS, { name: 'Schrikkel', expectedCloseDate: '2026-02-29' }),
        422,
        'expectedCloseDate',
      );
      expect((await createDeal(owner, { expectedCloseDate: '2028-02-29' })).expectedCloseDate).toBe(
        '2028-02-29',
      );
    });

    it('changes only the fields a patch sends', async () => {
      const deal = await createDeal(owner, { amount: 500_000, expectedCloseDate: '2026-12-15' });
      const changed = await atTime(test, '2026-07-01T12:00:00.000Z', () =>
        owner.ok<Deal>('PATCH', `${DEALS}/${deal.id}`, { amount: 750_000, source: 'Beurs' }),
      );
      expect(changed).toEqual({
        ...deal,
        amount: 750_000,
        source: 'Beurs',
        updatedAt: '2026-07-01T12:00:00.000Z',
      });
    });

    it('keeps updatedAt when a patch repeats the stage and the values the deal has', async () => {
      const deal = await createDeal(owner, { expectedCloseDate: '2026-12-15', tags: ['Upsell'] });
      const same = await owner.ok<Deal>('PATCH', `${DEALS}/${deal.id}`, {
        stageId: deal.stageId,
        pipelineId: deal.pipelineId,
        expectedCloseDate: '2026-12-15',
        tags: ['upsell'],
      });
      expect(same).toEqual(deal);
    });

    it('deletes a deal: 204, then 404', async () => {
      const deal = await createDeal(owner);
      expect((await owner.delete(`${DEALS}/${deal.id}`)).statusCode).toBe(204);
      expectProblem(await owner.get(`${DEALS}/${deal.id}`), 404);
    });

    it('leaves an audit row for create, update and delete', async () => {
      const deal = await createDeal(owner);
      await owner.ok('PATCH', `${DEALS}/${deal.id}`, { stageId: stage('Contacted').id });
      await owner.ok('DELETE', `${DEALS}/${deal.id}`);
      const trail = await auditOf(owner, deal.id);
      expect(trail.map((entry) => [entry.action, entry.entityType])).toEqual([
        ['create', 'deal'],
        ['update', 'deal'],
        ['delete', 'deal'],
      ]);
      expect(trail[1]!.changes).toMatchObject({
        stageId: { from: stage('Prospect').id, to: stage('Contacted').id },
        probability: { from: 5, to: 10 },
      });
    });
  });

  describe('moving through stages', () => {
    it("records each stage change on the deal's timeline", async () => {
      const deal = await createDeal(owner);
      await owner.ok('PATCH', `${DEALS}/${deal.id}`, { stageId: stage('Meeting booked').id });
      const { data } = await timelineOf(owner, `${DEALS}/${deal.id}`);
      const moves = data.filter((entry) => entry.kind === 'stage_change').map((entry) => entry.data);
      expect(moves).toMatchObject([
        {
          dealId: deal.id,
          fromStage: 'Prospect',
          toStage: 'Meeting booked',
          toStageId: stage('Meeting booked').id,
        },
        { dealId: deal.id, fromStageId: null, toStage: 'Prospect' },
      ]);
    });

    it("takes the new stage's probability unless the patch gives one", async () => {
      const deal = await createDeal(owner);
      const moved = await owner.ok<Deal>('PATCH', `${DEALS}/${deal.id}`, {
        stageId: stage('Meeting held').id,
      });
      expect(moved.probability).toBe(35);
      const explicit = await owner.ok<Deal>('PATCH', `${DEALS}/${deal.id}`, {
        stageId: stage('Offer out').id,
        probability: 90,
      });
      expect(explicit.probability).toBe(90);
    });

    it('stamps when the deal entered its stage', async () => {
      const deal = await createDeal(owner);
      const moved = await atTime(test, '2026-08-03T09:15:00.000Z', () =>
        owner.ok<Deal>('PATCH', `${DEALS}/${deal.id}`, { stageId: stage('Contacted').id }),
      );
      expect(moved.stageEnteredAt).toBe('2026-08-03T09:15:00.000Z');
    });

    it("moves a deal to a won stage and stamps the close date, today in the workspace's time zone", async () => {
      const deal = await createDeal(owner, { forecastCategory: 'commit' });
      // 23:30 UTC on 31 March is already 1 April in Amsterdam, the workspace's time zone.
      const won = await atTime(test, '2026-03-31T23:30:00.000Z', () =>
        owner.ok<Deal>('PATCH', `${DEALS}/${deal.id}`, { stageId: stage('Closed won').id }),
      );
      expect(won).toMatchObject({
        actualCloseDate: '2026-04-01',
        forecastCategory: 'closed',
        probability: 100,
      });
    });

    it('moves a deal to a lost stage with its reason and closes it', async () => {
      const deal = await createDeal(owner);
      const lost = await owner.ok<Deal>('PATCH', `${DEALS}/${deal.id}`, {
        stageId: stage('Closed lost').id,
        lostReason: 'Te duur',
        actualCloseDate: '2026-02-14',
      });
      expect(lost).toMatchObject({
        actualCloseDate: '2026-02-14',
        forecastCategory: 'closed',
        probability: 0,
        lostReason: 'Te duur',
      });
    });

    it('reopens a closed deal: the close date is cleared and the forecast is pipeline again', async () => {
      const deal = await createDeal(owner, { stageId: stage('Closed won').id });
      expect(deal.actualCloseDate).not.toBeNull();
      const reopened = await owner.ok<Deal>('PATCH', `${DEALS}/${deal.id}`, {
        stageId: stage('Offer out').id,
      });
      expect(reopened).toMatchObject({
        actualCloseDate: null,
        forecastCategory: 'pipeline',
        probability: 75,
      });
    });

    it('keeps the forecast category while a deal moves between open stages', async () => {
      const deal = await createDeal(owner, { forecastCategory: 'best_case' });
      const moved = await owner.ok<Deal>('PATCH', `${DEALS}/${deal.id}`, { stageId: stage('Contacted').id });
      expect(moved.forecastCategory).toBe('best_case');
    });

    it('moves a deal to another pipeline, into its first open stage', async () => {
      const deal = await createDeal(owner);
      const moved = await owner.ok<Deal>('PATCH', `${DEALS}/${deal.id}`, { pipelineId: partners.id });
      expect(moved).toMatchObject({
        pipelineId: partners.id,
        stageId: partners.stages[0]!.id,
        probability: 15,
      });
    });
  });

  describe('contacts on a deal', () => {
    it('puts contacts on a deal with roles, changes a role and takes a contact off', async () => {
      const deal = await createDeal(owner);
      const buyer = await createContact(owner);
      const user = await createContact(owner);
      const afterFirst = await owner.ok<{ data: unknown[] }>(
        'PUT',
        `${DEALS}/${deal.id}/contacts/${buyer.id}`,
        { role: 'Beslisser' },
      );
      expect(afterFirst.data).toMatchObject([{ contactId: buyer.id, role: 'Beslisser' }]);
      await owner.ok('PUT', `${DEALS}/${deal.id}/contacts/${user.id}`, {});
      await owner.ok('PUT', `${DEALS}/${deal.id}/contacts/${buyer.id}`, { role: 'Budgethouder' });
      const { data } = await owner.ok<{ data: { contactId: string; role: string | null }[] }>(
        'GET',
        `${DEALS}/${deal.id}/contacts`,
      );
      expect(data.map(({ contactId, role }) => ({ contactId, role }))).toEqual([
        { contactId: buyer.id, role: 'Budgethouder' },
        { contactId: user.id, role: null },
      ]);
      expect((await owner.delete(`${DEALS}/${deal.id}/contacts/${buyer.id}`)).statusCode).toBe(204);
      const after = await owner.ok<{ data: { contactId: string }[] }>('GET', `${DEALS}/${deal.id}/contacts`);
      expect(after.data.map((link) => link.contactId)).toEqual([user.id]);
      const trail = await auditOf(owner, deal.id);
      expect(trail.map((entry) => entry.action)).toEqual(['create', 'update', 'update', 'update', 'update']);
    });

    it('answers 404 when taking off a contact that is not on the deal', async () => {
      const deal = await createDeal(owner);
      const contact = await createContact(owner);
      expectProblem(await owner.delete(`${DEALS}/${deal.id}/contacts/${contact.id}`), 404);
    });

    it('refuses a contact that does not exist, with 422 on contactId', async () => {
      const deal = await createDeal(owner);
      expectProblem(
        await owner.put(`${DEALS}/${deal.id}/contacts/0190a000-0000-7000-8000-000000000000`, {}),
        422,
        'contactId',
      );
    });

    it('answers 404 for the contacts of a deal that does not exist', async () => {
      expectProblem(await owner.get(`${DEALS}/0190a000-0000-7000-8000-000000000000/contacts`), 404);
    });

    it('drops the link when the contact is deleted', async () => {
      const deal = await createDeal(owner);
      const contact = await createContact(owner);
      await owner.ok('PUT', `${DEALS}/${deal.id}/contacts/${contact.id}`, { role: 'Gebruiker' });
      await owner.ok('DELETE', `/api/v1/contacts/${contact.id}`);
      expect((await owner.ok<{ data: unknown[] }>('GET', `${DEALS}/${deal.id}/contacts`)).data).toEqual([]);
    });
  });

  describe('summary per stage', () => {
    it('counts and totals the matching deals per stage and currency, filters included', async () => {
      const tag = unique('summary');
      await createDeal(owner, { name: 'S1', amount: 1_000, tags: [tag] });
      await createDeal(owner, { name: 'S2', amount: 2_500, tags: [tag] });
      await createDeal(owner, { name: 'S3', amount: 700, stageId: stage('Offer out').id, tags: [tag] });
      await createDeal(owner, {
        name: 'S4',
        amount: 900,
        currency: 'USD',
        stageId: stage('Offer out').id,
        tags: [tag],
      });
      await createDeal(owner, { name: 'Other', amount: 99_999 });
      const summary = await owner.ok<{
        data: { stageId: string; currency: string; count: number; amount: number }[];
      }>('GET', `${DEALS}/summary?filter=tags:contains:${tag}&filter=pipelineId:eq:${sales.id}`);
      const rows = summary.data.map(({ stageId, currency, count, amount }) => ({
        stageId,
        currency,
        count,
        amount,
      }));
      expect(rows).toEqual(
        expect.arrayContaining([
          { stageId: stage('Prospect').id, currency: 'EUR', count: 2, amount: 3_500 },
          { stageId: stage('Offer out').id, currency: 'EUR', count: 1, amount: 700 },
          { stageId: stage('Offer out').id, currency: 'USD', count: 1, amount: 900 },
        ]),
      );
      expect(rows).toHaveLength(3);
    });

    it('refuses a filter it does not know', async () => {
      expectProblem(await owner.get(`${DEALS}/summary?filter=colour:eq:red`), 422, 'filter');
    });
  });

  describe('board', () => {
    interface Board {
      summary: { stageId: string; currency: string; count: number; amount: number }[];
      columns: { stageId: string; data: Deal[]; nextCursor: string | null }[];
    }

    it("answers every stage's head and first deals in close-date order, with the list's cursor for more", async () => {
      const board = await owner.ok<Pipeline>('POST', '/api/v1/pipelines', {
        name: unique('Board'),
        stages: [
          { name: 'Open', probability: 20 },
          { name: 'Won', probability: 100, kind: 'won' },
        ],
      });
      const open = stageNamed(board, 'Open').id;
      const won = stageNamed(board, 'Won').id;
      const dates = ['2027-03-01', null, '2027-01-15', '2027-02-01'];
      for (const [index, expectedCloseDate] of dates.entries())
        await createDeal(owner, {
          name: `Open ${index}`,
          pipelineId: board.id,
          stageId: open,
          expectedCloseDate,
        });
      await createDeal(owner, { name: 'Binnen', pipelineId: board.id, stageId: won, amount: 5_000 });

      const answer = await owner.ok<Board>('GET', `${DEALS}/board?pipelineId=${board.id}&limit=3`);
      expect(answer.columns.map((column) => column.stageId)).toEqual([open, won]);
      const [openColumn, wonColumn] = answer.columns;
      expect(openColumn?.data.map((deal) => deal.expectedCloseDate)).toEqual([
        '2027-01-15',
        '2027-02-01',
        '2027-03-01',
      ]);
      expect(wonColumn?.data.map((deal) => deal.name)).toEqual(['Binnen']);
      expect(wonColumn?.nextCursor).toBeNull();
      const rest = await owner.ok<{ data: Deal[] }>(
        'GET',
        `${DEALS}?filter=pipelineId:eq:${board.id}&filter=stageId:eq:${open}&sort=expectedCloseDate` +
          `&limit=3&cursor=${encodeURIComponent(openColumn?.nextCursor ?? '')}`,
      );
      expect(rest.data.map((deal) => deal.name)).toEqual(['Open 1']);
      expect(answer.summary).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ stageId: open, currency: 'EUR', count: 4 }),
          expect.objectContaining({ stageId: won, currency: 'EUR', count: 1, amount: 5_000 }),
        ]),
      );
    });

    it('applies the filters to the heads and the cards alike', async () => {
      const tag = unique('board');
      await createDeal(owner, { name: 'Tagged', tags: [tag], amount: 300 });
      await createDeal(owner, { name: 'Untagged', amount: 400 });
      const answer = await owner.ok<Board>(
        'GET',
        `${DEALS}/board?pipelineId=${sales.id}&filter=tags:contains:${tag}`,
      );
      expect(answer.columns.flatMap((column) => column.data.map((deal) => deal.name))).toEqual(['Tagged']);
      expect(answer.summary).toEqual([
        expect.objectContaining({ stageId: stage('Prospect').id, count: 1, amount: 300 }),
      ]);
    });

    it('answers 404 for a pipeline that does not exist, and refuses a bad filter with 422', async () => {
      expectProblem(await owner.get(`${DEALS}/board?pipelineId=0190a000-0000-7000-8000-000000000000`), 404);
      expectProblem(
        await owner.get(`${DEALS}/board?pipelineId=${sales.id}&filter=colour:eq:red`),
        422,
        'filter',
      );
      expectProblem(await owner.get(`${DEALS}/board?pipelineId=nope`), 422, 'pipelineId');
    });
  });

  describe('lists', () => {
    let tag: string;
    let rows: Deal[];

    beforeAll(async () => {
      tag = unique('deals');
      const make = (name: string, fields: Record<string, unknown>) =>
        createDeal(owner, { name, tags: [tag], ...fields });
      rows = [
        await make('Hosting Bakkerij', {
          amount: 120_000,
          expectedCloseDate: '2026-12-01',
          custom: { renewal_date: '2027-01-01' },
        }),
        await make('Licenties gemeente', {
          amount: 4_500_000,
          expectedCloseDate: null,
          stageId: stage('Offer out').id,
        }),
        await make('Onderhoud Öztürk', {
          amount: 90_000,
          expectedCloseDate: '2026-10-15',
          custom: { renewal_date: '2026-11-01' },
        }),
        await make('Migratie', { amount: 120_000, expectedCloseDate: '2026-12-01' }),
        await make('Training', { amount: 15_000, expectedCloseDate: null, stageId: stage('Closed won').id }),
        await make('Audit', { amount: 30_000, expectedCloseDate: '2027-02-28' }),
        await make('Advies', { amount: 0 }),
      ];
    });

    const names = async (...filters: string[]) =>
      (await list<Deal>(owner, DEALS, { filter: [`tags:contains:${tag}`, ...filters], limit: 200 })).data
        .map((row) => row.name)
        .sort();

    for (const [field, value] of [
      ['expectedCloseDate', (deal: Deal) => deal.expectedCloseDate],
      ['amount', (deal: Deal) => deal.amount],
      ['name', (deal: Deal) => deal.name],
    ] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        it(`pages through deals sorted by ${direction === 'desc' ? '-' : ''}${field} without repeats or gaps`, async () => {
          const sort = `${direction === 'desc' ? '-' : ''}${field}`;
          const { rows: walked } = await allPages<Deal>(owner, DEALS, {
            filter: `tags:contains:${tag}`,
            sort,
          });
          expect(walked.map((row) => row.id)).toEqual(expectedOrder(rows, value, direction));
        });
      }
    }

    it('pages through deals newest first by default', async () => {
      const { rows: walked } = await allPages<Deal>(owner, DEALS, { filter: `tags:contains:${tag}` });
      expect(walked.map((row) => row.id)).toEqual(rows.map((row) => row.id).reverse());
    });

    it('filters on amount, close date, stage and forecast', async () => {
      expect(await names('amount:gt:100000')).toEqual(['Hosting Bakkerij', 'Licenties gemeente', 'Migratie']);
      expect(await names('amount:lt:30000')).toEqual(['Advies', 'Training']);
      expect(await names('expectedCloseDate:lt:2026-12-01')).toEqual(['Onderhoud Öztürk']);
      expect(await names('expectedCloseDate:eq:2026-12-01')).toEqual(['Hosting Bakkerij', 'Migratie']);
      expect(await names('expectedCloseDate:empty')).toEqual(['Advies', 'Licenties gemeente', 'Training']);
      expect(await names(`stageId:in:${stage('Offer out').id},${stage('Closed won').id}`)).toEqual([
        'Licenties gemeente',
        'Training',
      ]);
      expect(await names(`stageId:neq:${stage('Prospect').id}`)).toEqual(['Licenties gemeente', 'Training']);
      expect(await names('forecastCategory:eq:closed')).toEqual(['Training']);
      expect(await names('name:contains:ONDERHOUD')).toEqual(['Onderhoud Öztürk']);
    });

    it('filters on a custom date field', async () => {
      expect(await names('custom.renewal_date:lt:2026-12-01')).toEqual(['Onderhoud Öztürk']);
      expect(await names('custom.renewal_date:not_empty')).toEqual(['Hosting Bakkerij', 'Onderhoud Öztürk']);
      expectProblem(await owner.get(`${DEALS}?filter=custom.renewal_date:lt:soon`), 422, 'filter');
    });

    it('refuses a date filter on a day that does not exist', async () => {
      expectProblem(await owner.get(`${DEALS}?filter=expectedCloseDate:eq:2026-02-30`), 422, 'filter');
    });

    it('searches deal names by word prefix, accents folded', async () => {
      const search = async (q: string) =>
        (await list<Deal>(owner, DEALS, { q, filter: `tags:contains:${tag}` })).data
          .map((row) => row.name)
          .sort();
      expect(await search('Öz')).toEqual(['Onderhoud Öztürk']);
      expect(await search('lic gem')).toEqual(['Licenties gemeente']);
      expect(await search('bakerij')).toEqual(['Hosting Bakkerij']);
    });
  });
});
