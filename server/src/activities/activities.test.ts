import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Activity,
  allPages,
  atTime,
  auditOf,
  createAccount,
  createActivity,
  createContact,
  createDeal,
  expectedOrder,
  expectProblem,
  list,
} from '../../test/factories.ts';
import { type Client, createTestApp, setUpOwner, type TestApp } from '../../test/harness.ts';

const ACTIVITIES = '/api/v1/activities';

describe('activities', () => {
  let test: TestApp;
  let owner: Client;

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
  });
  afterAll(() => test.close());

  describe('create, read, change, delete', () => {
    it("fills in the contact's account when a call is logged on a contact", async () => {
      const account = await createAccount(owner);
      const contact = await createContact(owner, { accountId: account.id });
      const response = await owner.post(ACTIVITIES, {
        type: 'call',
        direction: 'outbound',
        outcome: 'connected',
        contactId: contact.id,
        doneAt: '2026-09-01T10:00:00Z',
        durationMinutes: 12,
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        type: 'call',
        contactId: contact.id,
        accountId: account.id,
        durationMinutes: 12,
      });
    });

    it("fills in the deal's account when an activity is logged on a deal alone", async () => {
      const account = await createAccount(owner);
      const deal = await owner.ok<{ id: string }>('POST', '/api/v1/deals', {
        name: 'Vloot',
        accountId: account.id,
      });
      const activity = await createActivity(owner, { type: 'meeting', dealId: deal.id });
      expect(activity.accountId).toBe(account.id);
    });

    it('keeps an account that is given with the contact', async () => {
      const [home, other] = [await createAccount(owner), await createAccount(owner)];
      const contact = await createContact(owner, { accountId: home.id });
      const activity = await createActivity(owner, { contactId: contact.id, accountId: other.id });
      expect(activity.accountId).toBe(other.id);
      const none = await createActivity(owner, { contactId: contact.id, accountId: null });
      expect(none.accountId).toBeNull();
    });

    it("moves to the new contact's account when the activity changes contact", async () => {
      const [first, second] = [await createAccount(owner), await createAccount(owner)];
      const before = await createContact(owner, { accountId: first.id });
      const after = await createContact(owner, { accountId: second.id });
      const activity = await createActivity(owner, { contactId: before.id });
      expect(activity.accountId).toBe(first.id);
      const moved = await owner.ok<{ accountId: string }>(
        'PATCH',
        `${ACTIVITIES}/${activity.id}`,
        { contactId: after.id },
        200,
      );
      expect(moved.accountId).toBe(second.id);
    });

    it('leaves the account empty for a contact without one', async () => {
      const contact = await createContact(owner);
      expect((await createActivity(owner, { contactId: contact.id })).accountId).toBeNull();
    });

    it('happened when it was done, else when it is due, else now', async () => {
      const done = await createActivity(owner, {
        type: 'call',
        dueAt: '2026-09-01T09:00:00Z',
        doneAt: '2026-09-02T15:30:00+02:00',
      });
      expect(done.occurredAt).toBe('2026-09-02T13:30:00.000Z');
      const planned = await createActivity(owner, { type: 'task', dueAt: '2026-10-01T07:00:00Z' });
      expect(planned.occurredAt).toBe('2026-10-01T07:00:00.000Z');
      const note = await atTime(test, '2026-09-15T12:00:00.000Z', () =>
        createActivity(owner, { type: 'note' }),
      );
      expect(note.occurredAt).toBe('2026-09-15T12:00:00.000Z');
    });

    it('moves occurredAt when a task is done, and back to the due time when it is reopened', async () => {
      const task = await createActivity(owner, {
        type: 'task',
        subject: 'Offerte nabellen',
        dueAt: '2026-10-01T07:00:00Z',
      });
      const done = await owner.ok<Activity>('PATCH', `${ACTIVITIES}/${task.id}`, {
        doneAt: '2026-09-30T16:00:00Z',
        outcome: 'completed',
      });
      expect(done).toMatchObject({
        doneAt: '2026-09-30T16:00:00.000Z',
        occurredAt: '2026-09-30T16:00:00.000Z',
        outcome: 'completed',
      });
      const reopened = await owner.ok<Activity>('PATCH', `${ACTIVITIES}/${task.id}`, { doneAt: null });
      expect(reopened).toMatchObject({ doneAt: null, occurredAt: '2026-10-01T07:00:00.000Z' });
    });

    it('falls back to the creation time when due and done times are both cleared', async () => {
      const task = await atTime(test, '2026-09-10T08:00:00.000Z', () =>
        createActivity(owner, { type: 'task', dueAt: '2026-10-01T07:00:00Z' }),
      );
      const cleared = await owner.ok<Activity>('PATCH', `${ACTIVITIES}/${task.id}`, { dueAt: null });
      expect(cleared.occurredAt).toBe('2026-09-10T08:00:00.000Z');
    });

    it('keeps updatedAt when a patch sends the same due time in another offset', async () => {
      const task = await createActivity(owner, { type: 'task', dueAt: '2026-10-01T07:00:00Z' });
      const same = await owner.ok<Activity>('PATCH', `${ACTIVITIES}/${task.id}`, {
        dueAt: '2026-10-01T09:00:00+02:00',
        type: 'task',
      });
      expect(same).toEqual(task);
      expect((await auditOf(owner, task.id)).map((entry) => entry.action)).toEqual(['create']);
    });

    it('refuses a contact that does not exist, with 422 on contactId', async () => {
      const response = await owner.post(ACTIVITIES, {
        type: 'call',
        contactId: '0190a000-0000-7000-8000-000000000000',
      });
      expectProblem(response, 422, 'contactId');
    });

    it('refuses an unknown activity type, with 422 on type', async () => {
      expectProblem(await owner.post(ACTIVITIES, { type: 'fax' }), 422, 'type');
    });

    it('deletes an activity: 204, then 404', async () => {
      const activity = await createActivity(owner);
      expect((await owner.delete(`${ACTIVITIES}/${activity.id}`)).statusCode).toBe(204);
      expectProblem(await owner.get(`${ACTIVITIES}/${activity.id}`), 404);
    });

    it('keeps an activity when its contact is deleted, without the contact', async () => {
      const contact = await createContact(owner);
      const activity = await createActivity(owner, { contactId: contact.id });
      await owner.ok('DELETE', `/api/v1/contacts/${contact.id}`);
      expect((await owner.ok<Activity>('GET', `${ACTIVITIES}/${activity.id}`)).contactId).toBeNull();
    });

    it('leaves an audit row for create, update and delete', async () => {
      const activity = await createActivity(owner, { type: 'meeting', subject: 'Kennismaking' });
      await owner.ok('PATCH', `${ACTIVITIES}/${activity.id}`, {
        subject: 'Kennismaking op locatie',
        type: 'visit',
      });
      await owner.ok('DELETE', `${ACTIVITIES}/${activity.id}`);
      const trail = await auditOf(owner, activity.id);
      expect(trail.map((entry) => [entry.action, entry.entityType])).toEqual([
        ['create', 'activity'],
        ['update', 'activity'],
        ['delete', 'activity'],
      ]);
      expect(trail[1]!.changes).toEqual({
        subject: { from: 'Kennismaking', to: 'Kennismaking op locatie' },
        type: { from: 'meeting', to: 'visit' },
      });
    });
  });

  describe('lists', () => {
    let rows: Activity[];
    let dealId: string;

    beforeAll(async () => {
      // The deal scopes the list to the activities of this block.
      dealId = (await createDeal(owner)).id;
      const make = (fields: Record<string, unknown>) => createActivity(owner, { dealId, ...fields });
      rows = [
        await make({ type: 'task', subject: 'Offerte sturen', dueAt: '2026-10-05T08:00:00Z' }),
        await make({
          type: 'task',
          subject: 'Contract checken',
          dueAt: '2026-10-01T08:00:00Z',
          doneAt: '2026-09-29T12:00:00Z',
        }),
        await make({ type: 'call', subject: 'Intake', doneAt: '2026-09-20T09:00:00Z' }),
        await make({ type: 'task', subject: 'Demo plannen', dueAt: '2026-10-03T08:00:00Z' }),
        await make({ type: 'task', subject: 'Zonder datum' }),
        await make({ type: 'email', subject: 'Bevestiging', doneAt: '2026-09-21T09:00:00Z' }),
      ];
    });

    const subjects = async (...filters: string[]) =>
      (
        await list<Activity>(owner, ACTIVITIES, { filter: [`dealId:eq:${dealId}`, ...filters], limit: 200 })
      ).data
        .map((row) => row.subject)
        .sort();

    it('lists the open tasks: type task without doneAt', async () => {
      expect(await subjects('type:eq:task', 'doneAt:empty')).toEqual([
        'Demo plannen',
        'Offerte sturen',
        'Zonder datum',
      ]);
    });

    it('filters on type, done time and due time', async () => {
      expect(await subjects('type:in:call,email')).toEqual(['Bevestiging', 'Intake']);
      expect(await subjects('type:neq:task')).toEqual(['Bevestiging', 'Intake']);
      expect(await subjects('doneAt:not_empty')).toEqual(['Bevestiging', 'Contract checken', 'Intake']);
      expect(await subjects('dueAt:lt:2026-10-04T00:00:00Z', 'doneAt:empty')).toEqual(['Demo plannen']);
      expect(await subjects('doneAt:gt:2026-09-21T00:00:00+02:00')).toEqual([
        'Bevestiging',
        'Contract checken',
      ]);
    });

    it('refuses eq on a time: times are filtered by range', async () => {
      expectProblem(await owner.get(`${ACTIVITIES}?filter=dueAt:eq:2026-10-01T08:00:00Z`), 422, 'filter');
    });

    it('pages through the most recent first by default', async () => {
      const { rows: walked } = await allPages<Activity>(owner, ACTIVITIES, { filter: `dealId:eq:${dealId}` });
      expect(walked.map((row) => row.id)).toEqual(expectedOrder(rows, (row) => row.occurredAt, 'desc'));
    });

    it('pages through due dates with undated activities last, both ways', async () => {
      for (const direction of ['asc', 'desc'] as const) {
        const sort = direction === 'asc' ? 'dueAt' : '-dueAt';
        const { rows: walked } = await allPages<Activity>(owner, ACTIVITIES, {
          filter: `dealId:eq:${dealId}`,
          sort,
        });
        expect(walked.map((row) => row.id)).toEqual(expectedOrder(rows, (row) => row.dueAt, direction));
      }
    });
  });
});
