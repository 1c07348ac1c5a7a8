import type { Handover, LeadQuality, ServiceLevels } from '@baken/core/leads/handover.schema';
import { defaultLeadRouting, type LeadRouting } from '@baken/core/leads/handover.schema';
import type { Notification } from '@baken/core/notifications/notification.schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  atTime,
  createAccount,
  createActivity,
  createContact,
  createDeal,
  defaultPipeline,
  expectProblem,
  stageNamed,
} from '../../test/factories.ts';
import {
  addMember,
  type Client,
  createTestApp,
  otherWorkspaceOwner,
  setUpOwner,
  type TestApp,
  tokenClient,
} from '../../test/harness.ts';
import { slaSweep } from './sla.job.ts';

type Member = Client & { userId: string };

describe('handing MQLs to sales', () => {
  let test: TestApp;
  let owner: Client;
  let anna: Member;
  let bram: Member;
  let routing: LeadRouting;

  beforeAll(async () => {
    test = await createTestApp();
    owner = await tokenClient(test.app, await setUpOwner(test.app));
    // Tokens, not sessions: the clock jumps ahead in the service level tests.
    const asToken = async (member: Member) =>
      Object.assign(await tokenClient(test.app, member), { userId: member.userId });
    anna = await asToken(await addMember(test.app, owner, 'sales'));
    bram = await asToken(await addMember(test.app, owner, 'sales'));
    routing = { ...defaultLeadRouting, userIds: [anna.userId, bram.userId] };
    await owner.ok('PUT', '/api/v1/lead-routing', routing);
  });
  afterAll(() => test.close());

  const makeMql = (contactId: string) =>
    owner.ok('PATCH', `/api/v1/contacts/${contactId}`, { lifecycleStage: 'mql' });
  const inbox = async (client: Client, query = '') =>
    (await client.ok<{ data: Handover[] }>('GET', `/api/v1/lead-handovers?${query}`)).data;
  const handoverOf = async (contactId: string) => {
    const found = (await inbox(owner, 'owner=all&limit=200')).find((row) => row.contactId === contactId);
    if (!found) throw new Error(`no handover for ${contactId}`);
    return found;
  };
  const ownerOf = async (contactId: string) =>
    (await owner.ok<{ ownerId: string | null }>('GET', `/api/v1/contacts/${contactId}`)).ownerId;

  it('routes new MQLs in turn and makes the chosen rep the owner', async () => {
    const contacts = [];
    for (let index = 0; index < 3; index++)
      contacts.push(await createContact(owner, { lifecycleStage: 'lead' }));
    for (const contact of contacts) await makeMql(contact.id);
    const routedTo = [];
    for (const contact of contacts) routedTo.push((await handoverOf(contact.id)).routedTo);
    // Whoever's turn it was first, the two take turns.
    expect(routedTo[0]).not.toBe(routedTo[1]);
    expect(routedTo[2]).toBe(routedTo[0]);
    expect(new Set(routedTo)).toEqual(new Set([anna.userId, bram.userId]));
    expect(await ownerOf(contacts[1]!.id)).toBe(routedTo[1]);
    const mine = await inbox(anna);
    expect(mine.every((row) => row.routedTo === anna.userId)).toBe(true);
    expect(mine.length).toBeGreaterThan(0);

    // A rep's own contact stays theirs, out of turn.
    const annas = await createContact(anna, { lifecycleStage: 'lead' });
    await makeMql(annas.id);
    expect(await handoverOf(annas.id)).toMatchObject({ routedTo: anna.userId, routedBy: 'contact_owner' });
  });

  it("routes by the account's owner, and by territory with the round robin behind it", async () => {
    await owner.ok('PUT', '/api/v1/lead-routing', { ...routing, mode: 'account_owner' });
    const ownedByBram = await createAccount(owner, { name: 'Bram zijn klant BV', ownerId: bram.userId });
    const atBram = await createContact(owner, { accountId: ownedByBram.id });
    await makeMql(atBram.id);
    expect(await handoverOf(atBram.id)).toMatchObject({ routedTo: bram.userId, routedBy: 'account_owner' });

    await owner.ok('PUT', '/api/v1/lead-routing', {
      ...routing,
      mode: 'territory',
      territories: [
        {
          name: 'Noord-Holland',
          userId: anna.userId,
          countries: ['NL'],
          postcodePrefixes: ['10', '11'],
          industryPrefixes: [],
        },
      ],
    });
    const amsterdam = await createAccount(owner, {
      name: 'Grachten BV',
      country: 'NL',
      postalCode: '1017 AB',
    });
    const utrecht = await createAccount(owner, { name: 'Dom BV', country: 'NL', postalCode: '3511 AA' });
    const inAmsterdam = await createContact(owner, { accountId: amsterdam.id });
    const inUtrecht = await createContact(owner, { accountId: utrecht.id });
    await makeMql(inAmsterdam.id);
    await makeMql(inUtrecht.id);
    expect(await handoverOf(inAmsterdam.id)).toMatchObject({ routedTo: anna.userId, routedBy: 'territory' });
    expect(await handoverOf(inUtrecht.id)).toMatchObject({ routedBy: 'round_robin' });
    await owner.ok('PUT', '/api/v1/lead-routing', routing);
  });

  it('refuses routing to someone outside the workspace, and routing changes by sales', async () => {
    const stranger = await otherWorkspaceOwner(test, 'Elders BV');
    const strangerId = (await stranger.ok<{ user: { id: string } }>('GET', '/api/v1/auth/me')).user.id;
    expectProblem(
      await owner.put('/api/v1/lead-routing', { ...routing, userIds: [anna.userId, strangerId] }),
      422,
      'userIds.1',
    );
    expectProblem(await anna.put('/api/v1/lead-routing', routing), 403);
    expectProblem(
      await owner.put('/api/v1/lead-routing', { ...routing, mode: 'territory' }),
      422,
      'territories',
    );
  });

  it('accepts a lead as SQL and rejects one with a reason, for its owner or a manager only', async () => {
    const accepted = await createContact(owner, { lifecycleStage: 'lead', leadSource: 'Webinar' });
    const rejected = await createContact(owner, { lifecycleStage: 'lead', leadSource: 'Webinar' });
    await makeMql(accepted.id);
    await makeMql(rejected.id);
    const first = await handoverOf(accepted.id);
    const second = await handoverOf(rejected.id);
    const ownerClient = (handover: Handover) => (handover.routedTo === anna.userId ? anna : bram);
    const otherClient = (handover: Handover) => (handover.routedTo === anna.userId ? bram : anna);

    expectProblem(
      await otherClient(first).post(`/api/v1/lead-handovers/${first.id}/decision`, { decision: 'accept' }),
      403,
    );
    expectProblem(
      await ownerClient(second).post(`/api/v1/lead-handovers/${second.id}/decision`, { decision: 'reject' }),
      422,
      'reason',
    );
    const answer = await ownerClient(first).ok<Handover>(
      'POST',
      `/api/v1/lead-handovers/${first.id}/decision`,
      { decision: 'accept', note: 'Budget voor Q3' },
      200,
    );
    expect(answer).toMatchObject({ status: 'accepted', note: 'Budget voor Q3' });
    expect(answer.firstTouchAt).not.toBeNull();
    await owner.ok(
      'POST',
      `/api/v1/lead-handovers/${second.id}/decision`,
      { decision: 'reject', reason: 'no_budget' },
      200,
    );
    expectProblem(
      await owner.post(`/api/v1/lead-handovers/${second.id}/decision`, { decision: 'accept' }),
      409,
    );
    const stage = async (id: string) =>
      (await owner.ok<{ lifecycleStage: string }>('GET', `/api/v1/contacts/${id}`)).lifecycleStage;
    expect(await stage(accepted.id)).toBe('sql');
    expect(await stage(rejected.id)).toBe('disqualified');
  });

  it("reports a rejected MQL and an accepted one that was won in marketing's lead quality", async () => {
    const source = `Beurs ${Date.now()}`;
    const won = await createContact(owner, { lifecycleStage: 'lead', leadSource: source });
    const turnedDown = await createContact(owner, { lifecycleStage: 'lead', leadSource: source });
    const waiting = await createContact(owner, { lifecycleStage: 'lead', leadSource: source });
    for (const contact of [won, turnedDown, waiting]) await makeMql(contact.id);
    const decide = async (contactId: string, body: object) =>
      owner.ok('POST', `/api/v1/lead-handovers/${(await handoverOf(contactId)).id}/decision`, body, 200);
    await decide(won.id, { decision: 'accept' });
    await decide(turnedDown.id, { decision: 'reject', reason: 'not_a_fit', note: 'Te klein' });
    const pipeline = await defaultPipeline(owner);
    const deal = await createDeal(owner, { pipelineId: pipeline.id });
    await owner.ok('PUT', `/api/v1/deals/${deal.id}/contacts/${won.id}`, { role: 'decision_maker' });
    await owner.ok('PATCH', `/api/v1/deals/${deal.id}`, { stageId: stageNamed(pipeline, 'Closed won').id });

    const report = await owner.ok<LeadQuality>('GET', '/api/v1/reports/lead-quality');
    expect(report.data.find((row) => row.source === source)).toEqual({
      source,
      mqls: 3,
      accepted: 1,
      rejected: 1,
      pending: 1,
      won: 1,
      acceptanceRate: 0.5,
      acceptedToWonRate: 1,
      rejections: [{ reason: 'not_a_fit', count: 1 }],
    });
    expectProblem(await owner.get('/api/v1/reports/lead-quality?from=2026-05-01&to=2026-04-01'), 422, 'to');
  });

  it('never hands a rejected lead over again by its score', async () => {
    const contact = await createContact(owner, { lifecycleStage: 'lead', persona: 'decision_maker' });
    await makeMql(contact.id);
    const handover = await handoverOf(contact.id);
    await owner.ok(
      'POST',
      `/api/v1/lead-handovers/${handover.id}/decision`,
      { decision: 'reject', reason: 'wrong_person' },
      200,
    );
    for (let visit = 0; visit < 6; visit++)
      await owner.ok(
        'POST',
        `/api/v1/contacts/${contact.id}/events`,
        { type: 'page_view', path: '/pricing' },
        201,
      );
    const all = (await inbox(owner, 'owner=all&limit=200')).filter((row) => row.contactId === contact.id);
    expect(all).toHaveLength(1);
    expect(
      (await owner.ok<{ lifecycleStage: string }>('GET', `/api/v1/contacts/${contact.id}`)).lifecycleStage,
    ).toBe('disqualified');
  });

  it('detects a first-touch breach at its deadline in business hours, and tells the owner', async () => {
    // Friday 24 April 2026, 16:00 in Amsterdam; Monday the 27th is King's Day. 24 business hours of
    // 09:00-17:00: one on Friday, eight on Tuesday and Wednesday, seven on Thursday: due Thursday
    // 30 April, 16:00 Amsterdam time (14:00 UTC).
    const mqlAt = '2026-04-24T14:00:00.000Z';
    const late = await createContact(owner, { firstName: 'Laat', lifecycleStage: 'lead' });
    const touched = await createContact(owner, { firstName: 'Op tijd', lifecycleStage: 'lead' });
    await atTime(test, mqlAt, async () => {
      await makeMql(late.id);
      await makeMql(touched.id);
    });
    const touchedHandover = await handoverOf(touched.id);
    const toucher = touchedHandover.routedTo === anna.userId ? anna : bram;
    await atTime(test, '2026-04-29T09:30:00.000Z', () =>
      createActivity(toucher, { type: 'call', contactId: touched.id, subject: 'Kennismaking' }),
    );

    await atTime(test, '2026-04-30T13:59:00.000Z', () => slaSweep(test.ctx));
    const beforeDeadline = await handoverOf(late.id);
    expect(beforeDeadline).toMatchObject({ dueAt: '2026-04-30T14:00:00.000Z', breachedAt: null });

    await atTime(test, '2026-04-30T14:01:00.000Z', () => slaSweep(test.ctx));
    expect(await handoverOf(late.id)).toMatchObject({ breachedAt: '2026-04-30T14:00:00.000Z' });
    expect(await handoverOf(touched.id)).toMatchObject({
      breachedAt: null,
      firstTouchAt: '2026-04-29T09:30:00.000Z',
    });
    const lateOwner = (await handoverOf(late.id)).routedTo === anna.userId ? anna : bram;
    const { data, unread } = await lateOwner.ok<{ data: Notification[]; unread: number }>(
      'GET',
      '/api/v1/notifications',
    );
    expect(
      data.filter((note) => note.kind === 'sla_breach' && note.subject.contactId === late.id),
    ).toHaveLength(1);
    expect(unread).toBeGreaterThan(0);
    // A second sweep tells nobody twice.
    await atTime(test, '2026-04-30T15:00:00.000Z', () => slaSweep(test.ctx));
    const again = await lateOwner.ok<{ data: Notification[] }>('GET', '/api/v1/notifications');
    expect(again.data.filter((note) => note.subject.contactId === late.id)).toHaveLength(1);
    expectProblem(
      await lateOwner.post('/api/v1/notifications/read', { ids: ['01900000-0000-7000-8000-000000000000'] }),
      404,
    );
    await lateOwner.ok('POST', '/api/v1/notifications/read', {}, 200);
    expect((await lateOwner.ok<{ unread: number }>('GET', '/api/v1/notifications')).unread).toBe(0);

    const levels = await atTime(test, '2026-05-01T08:00:00.000Z', () =>
      owner.ok<ServiceLevels>('GET', '/api/v1/reports/service-levels?from=2026-04-01&to=2026-04-30'),
    );
    const april = levels.byMonth.find((row) => row.month === '2026-04');
    expect(april).toMatchObject({ due: 2, breached: 1, breachRate: 0.5 });
    expect(levels.byRep.find((row) => row.userId === lateOwner.userId)?.breached).toBe(1);
    expect((await inbox(owner, 'owner=all&breached=true')).map((row) => row.contactId)).toContain(late.id);
  });

  it('hands a deal to an account executive when a sales development rep books a meeting on it', async () => {
    const sdr = await addMember(test.app, owner, 'sales');
    await owner.ok('PUT', '/api/v1/lead-routing', {
      ...routing,
      sdrHandover: { sdrUserIds: [sdr.userId], aeUserIds: [anna.userId, bram.userId], rule: 'account_owner' },
    });
    const account = await createAccount(owner, { name: 'Van Bram BV', ownerId: bram.userId });
    const deal = await createDeal(sdr, { name: 'Eerste gesprek', accountId: account.id });
    type Deal = { ownerId: string | null; sdrId: string | null };
    await createActivity(sdr, { type: 'call', subject: 'Koud gebeld', dealId: deal.id });
    expect(await owner.ok<Deal>('GET', `/api/v1/deals/${deal.id}`)).toMatchObject({
      ownerId: sdr.userId,
      sdrId: null,
    });

    await createActivity(sdr, { type: 'meeting', subject: 'Demo ingepland', dealId: deal.id });
    expect(await owner.ok<Deal>('GET', `/api/v1/deals/${deal.id}`)).toMatchObject({
      ownerId: bram.userId,
      sdrId: sdr.userId,
    });
    // Both go on working on it: the rep who sourced it may still change it.
    await sdr.ok('PATCH', `/api/v1/deals/${deal.id}`, { amount: 1_500_000 });
    await bram.ok('PATCH', `/api/v1/deals/${deal.id}`, { amount: 1_600_000 });

    // Without an executive owning the company, the executives take turns.
    const unowned = await createAccount(owner, { name: 'Niemands BV' });
    const first = await createDeal(sdr, { name: 'Tweede', accountId: unowned.id });
    const second = await createDeal(sdr, { name: 'Derde', accountId: unowned.id });
    await createActivity(sdr, { type: 'meeting', subject: 'Afspraak', accountId: unowned.id });
    const owners = await Promise.all(
      [first, second].map(async (one) => (await owner.ok<Deal>('GET', `/api/v1/deals/${one.id}`)).ownerId),
    );
    expect(new Set(owners)).toEqual(new Set([anna.userId, bram.userId]));

    // A meeting of someone who is no sales development rep moves nothing.
    const own = await createDeal(anna, { name: 'Eigen deal', accountId: unowned.id });
    await createActivity(anna, { type: 'meeting', subject: 'Eigen afspraak', dealId: own.id });
    expect(await owner.ok<Deal>('GET', `/api/v1/deals/${own.id}`)).toMatchObject({
      ownerId: anna.userId,
      sdrId: null,
    });
    await owner.ok('PUT', '/api/v1/lead-routing', routing);
  });

  it("keeps another workspace's leads out of reach", async () => {
    const contact = await createContact(owner, { lifecycleStage: 'lead' });
    await makeMql(contact.id);
    const handover = await handoverOf(contact.id);
    const stranger = await otherWorkspaceOwner(test, 'Andere BV');
    expect((await stranger.ok<{ data: Handover[] }>('GET', '/api/v1/lead-handovers?owner=all')).data).toEqual(
      [],
    );
    expectProblem(await stranger.get(`/api/v1/lead-handovers/${handover.id}`), 404);
    expectProblem(await stranger.get(`/api/v1/lead-handovers?owner=${anna.userId}`), 422, 'owner');
    expectProblem(
      await stranger.post(`/api/v1/lead-handovers/${handover.id}/decision`, { decision: 'accept' }),
      404,
    );
  });
});
