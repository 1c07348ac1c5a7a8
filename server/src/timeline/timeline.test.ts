import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  atTime,
  createAccount,
  createActivity,
  createContact,
  createDeal,
  defaultPipeline,
  expectProblem,
  type Pipeline,
  stageNamed,
  type TimelineEntry,
  timelineOf,
} from '../../test/factories.ts';
import { type Client, createTestApp, setUpOwner, type TestApp } from '../../test/harness.ts';

describe('timeline', () => {
  let test: TestApp;
  let owner: Client;
  let sales: Pipeline;

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
    sales = await defaultPipeline(owner);
  });
  afterAll(() => test.close());

  /** Every entry of a timeline, page by page with `limit`. */
  async function walk(path: string, limit: number): Promise<TimelineEntry[]> {
    const entries: TimelineEntry[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const result = await timelineOf(owner, path, { limit, cursor });
      expect(result.data.length).toBeLessThanOrEqual(limit);
      entries.push(...result.data);
      if (result.nextCursor === null) return entries;
      cursor = result.nextCursor;
    }
    throw new Error('the timeline cursor does not advance');
  }

  const newestFirst = (entries: TimelineEntry[]) =>
    [...entries].sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));

  describe('of a contact', () => {
    let path: string;
    let activities: Record<string, string>;

    beforeAll(async () => {
      const contact = await atTime(test, '2026-05-01T09:00:00.000Z', () =>
        createContact(owner, { jobTitle: 'Inkoper' }),
      );
      path = `/api/v1/contacts/${contact.id}`;
      await atTime(test, '2026-05-02T09:00:00.000Z', () =>
        owner.ok('PATCH', path, { jobTitle: 'Hoofd inkoop' }),
      );
      const log = async (fields: Record<string, unknown>) =>
        (await createActivity(owner, { contactId: contact.id, ...fields })).id;
      activities = {
        call: await log({ type: 'call', subject: 'Kennismaking', doneAt: '2026-05-03T10:00:00Z' }),
        first: await log({ type: 'email', subject: 'Offerte', doneAt: '2026-05-04T10:00:00Z' }),
        second: await log({ type: 'note', subject: 'Zelfde moment', doneAt: '2026-05-04T10:00:00Z' }),
        task: await log({ type: 'task', subject: 'Nabellen', dueAt: '2026-05-10T08:00:00Z' }),
      };
      await createActivity(owner, { subject: 'Over iemand anders', doneAt: '2026-05-05T10:00:00Z' });
    });

    it('merges activities and field changes, newest first', async () => {
      const { data, nextCursor } = await timelineOf(owner, path);
      expect(nextCursor).toBeNull();
      expect(data.map((entry) => [entry.kind, entry.at])).toEqual([
        ['activity', '2026-05-10T08:00:00.000Z'],
        ['activity', '2026-05-04T10:00:00.000Z'],
        ['activity', '2026-05-04T10:00:00.000Z'],
        ['activity', '2026-05-03T10:00:00.000Z'],
        ['change', '2026-05-02T09:00:00.000Z'],
        ['change', '2026-05-01T09:00:00.000Z'],
      ]);
      expect(data[0]).toMatchObject({ id: activities.task, data: { type: 'task', subject: 'Nabellen' } });
      expect(data.slice(1, 3).map((entry) => entry.id)).toEqual([activities.second, activities.first]);
      expect(data[3]!.id).toBe(activities.call);
    });

    it('shows a field change with the action and its from and to values', async () => {
      const { data } = await timelineOf(owner, path);
      const [update, create] = data.filter((entry) => entry.kind === 'change');
      expect(update!.data).toMatchObject({
        action: 'update',
        changes: { jobTitle: { from: 'Inkoper', to: 'Hoofd inkoop' } },
      });
      expect(create!.data).toMatchObject({ action: 'create', changes: { jobTitle: 'Inkoper' } });
    });

    it('pages through the same entries with a small limit, ties included, without repeats or gaps', async () => {
      const whole = (await timelineOf(owner, path, { limit: 200 })).data;
      for (const limit of [1, 2, 4]) {
        expect(await walk(path, limit)).toEqual(whole);
      }
    });

    it('answers 422 on cursor for a cursor that is not one', async () => {
      expectProblem(await owner.get(`${path}/timeline?cursor=nonsense`), 422, 'cursor');
    });
  });

  describe('of a deal', () => {
    it('shows its stage changes with the names of the stages, beside its field changes and activities', async () => {
      const deal = await atTime(test, '2026-06-01T09:00:00.000Z', () => createDeal(owner));
      const path = `/api/v1/deals/${deal.id}`;
      await atTime(test, '2026-06-02T09:00:00.000Z', () =>
        owner.ok('PATCH', path, { stageId: stageNamed(sales, 'Offer out').id }),
      );
      await createActivity(owner, { type: 'meeting', dealId: deal.id, doneAt: '2026-06-01T15:00:00Z' });
      const entries = await walk(path, 2);
      expect(entries).toEqual(newestFirst(entries));
      const summary = entries.map((entry) => [entry.kind, entry.at]);
      expect(summary.filter(([kind]) => kind === 'stage_change')).toEqual([
        ['stage_change', '2026-06-02T09:00:00.000Z'],
        ['stage_change', '2026-06-01T09:00:00.000Z'],
      ]);
      expect(summary.filter(([kind]) => kind !== 'stage_change')).toEqual([
        ['change', '2026-06-02T09:00:00.000Z'],
        ['activity', '2026-06-01T15:00:00.000Z'],
        ['change', '2026-06-01T09:00:00.000Z'],
      ]);
      const moves = entries.filter((entry) => entry.kind === 'stage_change').map((entry) => entry.data);
      expect(moves[0]).toMatchObject({ fromStage: 'Prospect', toStage: 'Offer out' });
      expect(moves[1]).toMatchObject({ fromStage: null, toStage: 'Prospect' });
    });
  });

  describe('of an account', () => {
    // Activities carry the company of their contact or deal (filled in when they are logged), so
    // the company's timeline shows them.
    it("gathers the activities of the account, its contacts and its deals, and its deals' stage changes", async () => {
      const account = await atTime(test, '2026-07-01T09:00:00.000Z', () => createAccount(owner));
      const contact = await createContact(owner, { accountId: account.id });
      const deal = await atTime(test, '2026-07-02T09:00:00.000Z', () =>
        createDeal(owner, { accountId: account.id }),
      );
      await atTime(test, '2026-07-05T09:00:00.000Z', () =>
        owner.ok('PATCH', `/api/v1/deals/${deal.id}`, { stageId: stageNamed(sales, 'Closed won').id }),
      );
      const ids = [
        (await createActivity(owner, { accountId: account.id, doneAt: '2026-07-03T10:00:00Z' })).id,
        (
          await createActivity(owner, {
            type: 'call',
            contactId: contact.id,
            doneAt: '2026-07-04T10:00:00Z',
          })
        ).id,
        (await createActivity(owner, { type: 'meeting', dealId: deal.id, doneAt: '2026-07-06T10:00:00Z' }))
          .id,
      ];
      await createActivity(owner, { doneAt: '2026-07-04T11:00:00Z' });
      await atTime(test, '2026-07-07T09:00:00.000Z', () =>
        owner.ok('PATCH', `/api/v1/accounts/${account.id}`, { city: 'Tilburg' }),
      );

      const entries = await walk(`/api/v1/accounts/${account.id}`, 2);
      expect(entries).toEqual(newestFirst(entries));
      expect(entries.map((entry) => [entry.kind, entry.at])).toEqual([
        ['change', '2026-07-07T09:00:00.000Z'],
        ['activity', '2026-07-06T10:00:00.000Z'],
        ['stage_change', '2026-07-05T09:00:00.000Z'],
        ['activity', '2026-07-04T10:00:00.000Z'],
        ['activity', '2026-07-03T10:00:00.000Z'],
        ['stage_change', '2026-07-02T09:00:00.000Z'],
        ['change', '2026-07-01T09:00:00.000Z'],
      ]);
      expect(entries.filter((entry) => entry.kind === 'activity').map((entry) => entry.id)).toEqual([
        ids[2],
        ids[1],
        ids[0],
      ]);
    });
  });

  it('answers 404 for a record that does not exist', async () => {
    expectProblem(await owner.get('/api/v1/deals/0190a000-0000-7000-8000-000000000000/timeline'), 404);
    expectProblem(await owner.get('/api/v1/contacts/0190a000-0000-7000-8000-000000000000/timeline'), 404);
  });
});
