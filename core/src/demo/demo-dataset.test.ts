import { describe, expect, it } from 'vitest';
import { accountCreateInput } from '../accounts/account.schema.ts';
import { activityCreateInput } from '../activities/activity.schema.ts';
import { contactCreateInput } from '../contacts/contact.schema.ts';
import { dealCreateInput } from '../deals/deal.schema.ts';
import { defaultPipeline } from '../pipelines/pipeline.schema.ts';
import { generateDemoDataset } from './demo-dataset.ts';
import { DAY, HISTORY_DAYS } from './demo-time.ts';
import type { DemoInput, DemoStage } from './demo-types.ts';

const now = new Date('2026-11-26T10:00:00Z');

/** Ids that look like the real ones (uuids) but count up, so runs can be compared. */
function counter(prefix = '0') {
  let next = 0;
  return () => `0190${prefix.padStart(4, '0')}-0000-7000-8000-${String(next++).padStart(12, '0')}`;
}

function stagesOf(pipeline: {
  stages: readonly { probability: number; kind: 'open' | 'won' | 'lost' }[];
}): DemoStage[] {
  const id = counter('5');
  const pipelineId = id();
  return pipeline.stages.map((stage, position) => ({
    id: id(),
    pipelineId,
    position,
    probability: stage.probability,
    kind: stage.kind,
  }));
}

function input(overrides: Partial<DemoInput> = {}): DemoInput {
  const member = counter('9');
  return {
    seed: 42,
    now,
    members: [
      { userId: member(), role: 'owner' },
      { userId: member(), role: 'manager' },
      { userId: member(), role: 'sales' },
      { userId: member(), role: 'sales' },
      { userId: member(), role: 'marketing' },
    ],
    stages: stagesOf(defaultPipeline),
    currency: 'EUR',
    newId: counter(),
    ...overrides,
  };
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const dataset = generateDemoDataset(input());

describe('demo dataset', () => {
  it('is the same for the same seed, and differs for another', () => {
    expect(generateDemoDataset(input())).toEqual(dataset);
    expect(generateDemoDataset(input({ seed: 43 })).accounts.map((account) => account.name)).not.toEqual(
      dataset.accounts.map((account) => account.name),
    );
  });

  it('holds 80 companies, 300 people, 150 deals and 800 activities', () => {
    expect(dataset.accounts).toHaveLength(80);
    expect(dataset.contacts).toHaveLength(300);
    expect(dataset.deals).toHaveLength(150);
    expect(dataset.activities).toHaveLength(800);
    expect(dataset.stageChanges.length).toBeGreaterThan(dataset.deals.length);
  });

  it('passes the API schemas unchanged: what the API would store is what the demo stores', () => {
    for (const { id, createdAt, updatedAt, ...account } of dataset.accounts) {
      const parsed = accountCreateInput.parse(account);
      expect({ domain: parsed.domain, email: parsed.email, website: parsed.website }).toEqual({
        domain: account.domain,
        email: account.email,
        website: account.website,
      });
    }
    for (const { id, createdAt, updatedAt, consentAt, ...contact } of dataset.contacts) {
      expect(contactCreateInput.parse({ ...contact, consentAt: iso(consentAt) }).email).toBe(contact.email);
    }
    for (const { id, createdAt, updatedAt, stageEnteredAt, ...deal } of dataset.deals)
      dealCreateInput.parse(deal);
    for (const { id, createdAt, updatedAt, occurredAt, dueAt, doneAt, ...activity } of dataset.activities) {
      activityCreateInput.parse({ ...activity, dueAt: iso(dueAt), doneAt: iso(doneAt) });
    }
  });

  it('gives every company a unique name and domain, and every person a unique plain-ASCII email', () => {
    expect(new Set(dataset.accounts.map((account) => account.name)).size).toBe(80);
    expect(new Set(dataset.accounts.map((account) => account.domain)).size).toBe(80);
    expect(new Set(dataset.contacts.map((contact) => contact.email)).size).toBe(300);
    for (const contact of dataset.contacts)
      expect(contact.email).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)*@[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    const domains = new Map(dataset.accounts.map((account) => [account.id, account.domain]));
    for (const contact of dataset.contacts.filter((person) => person.accountId)) {
      expect(contact.email.endsWith(`@${domains.get(contact.accountId!)}`)).toBe(true);
    }
  });

  it('formats Dutch and Belgian registration numbers, postcodes and phone numbers as each country does', () => {
    const dutch = dataset.accounts.filter((account) => account.country === 'NL');
    const belgian = dataset.accounts.filter((account) => account.country === 'BE');
    expect(dutch.length).toBeGreaterThan(30);
    expect(belgian.length).toBeGreaterThan(10);
    for (const account of dutch) {
      expect(account).toMatchObject({
        kvkNumber: expect.stringMatching(/^\d{8}$/),
        vatNumber: expect.stringMatching(/^NL\d{9}B01$/),
      });
      expect(account.postalCode).toMatch(/^[1-9]\d{3} [A-Z]{2}$/);
      expect(account.phone).toMatch(/^\+31\d{9}$/);
      expect(account.domain.endsWith('.nl')).toBe(true);
    }
    for (const account of belgian) {
      expect(account.kvkNumber).toBeNull();
      const digits = account.vatNumber.slice(2);
      expect(digits).toMatch(/^0\d{9}$/);
      expect(97 - (Number(digits.slice(0, 8)) % 97)).toBe(Number(digits.slice(8)));
      expect(account.postalCode).toMatch(/^[1-9]\d{3}$/);
      expect(account.phone).toMatch(/^\+32\d{8}$/);
      expect(account.domain.endsWith('.be')).toBe(true);
    }
  });

  it('puts deals in every stage, created over the past 18 months', () => {
    const stages = input().stages;
    for (const stage of stages) expect(dataset.deals.some((deal) => deal.stageId === stage.id)).toBe(true);
    const created = dataset.deals.map((deal) => deal.createdAt.getTime());
    expect(Math.min(...created)).toBeGreaterThanOrEqual(now.getTime() - HISTORY_DAYS * DAY);
    expect(Math.max(...created) - Math.min(...created)).toBeGreaterThan(15 * 30 * DAY);
    expect(Math.max(...created)).toBeLessThanOrEqual(now.getTime());
  });

  it('gives every deal a stage history that starts at its creation and ends in its current stage', () => {
    const stages = new Map(input().stages.map((stage) => [stage.id, stage]));
    for (const deal of dataset.deals) {
      const history = dataset.stageChanges.filter((change) => change.dealId === deal.id);
      expect(history[0]).toMatchObject({ fromStageId: null, changedAt: deal.createdAt });
      expect(history.at(-1)).toMatchObject({ toStageId: deal.stageId, changedAt: deal.stageEnteredAt });
      history.slice(1).forEach((change, index) => {
        expect(change.fromStageId).toBe(history[index]!.toStageId);
        expect(change.changedAt.getTime()).toBeGreaterThan(history[index]!.changedAt.getTime());
        expect(stages.get(change.toStageId)!.position).toBeGreaterThan(
          stages.get(history[index]!.toStageId)!.position,
        );
      });
      expect(deal.stageEnteredAt.getTime()).toBeLessThanOrEqual(now.getTime());
      const kind = stages.get(deal.stageId)!.kind;
      expect(deal.actualCloseDate).toBe(
        kind === 'open' ? null : deal.stageEnteredAt.toISOString().slice(0, 10),
      );
      expect(deal.lostReason !== null).toBe(kind === 'lost');
      expect(deal.forecastCategory === 'closed').toBe(kind !== 'open');
    }
  });

  it("links deals to people of the deal's company who were in the CRM before the deal", () => {
    const contacts = new Map(dataset.contacts.map((contact) => [contact.id, contact]));
    const deals = new Map(dataset.deals.map((deal) => [deal.id, deal]));
    for (const link of dataset.dealContacts) {
      const contact = contacts.get(link.contactId)!;
      const deal = deals.get(link.dealId)!;
      expect(contact.accountId).toBe(deal.accountId);
      expect(contact.createdAt.getTime()).toBeLessThanOrEqual(deal.createdAt.getTime());
    }
  });

  it('has done, planned and overdue work, timed as the API would time it', () => {
    const contacts = new Map(dataset.contacts.map((contact) => [contact.id, contact]));
    for (const activity of dataset.activities) {
      expect(activity.occurredAt).toEqual(activity.doneAt ?? activity.dueAt ?? activity.createdAt);
      if (activity.doneAt) expect(activity.doneAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(activity.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
      if (activity.contactId) expect(activity.accountId).toBe(contacts.get(activity.contactId)!.accountId);
    }
    const tasks = dataset.activities.filter((activity) => activity.type === 'task');
    expect(tasks.some((task) => task.doneAt)).toBe(true);
    expect(tasks.some((task) => !task.doneAt && task.dueAt! < now)).toBe(true);
    expect(tasks.some((task) => !task.doneAt && task.dueAt! > now)).toBe(true);
    const types = new Set(dataset.activities.map((activity) => activity.type));
    expect([...types].sort()).toEqual(['call', 'email', 'meeting', 'note', 'task', 'visit']);
    const outcomes = new Set(dataset.activities.map((activity) => activity.outcome));
    for (const outcome of ['no_answer', 'connected', 'meeting_booked', 'held', 'no_show'])
      expect(outcomes.has(outcome as never)).toBe(true);
  });

  it('spreads ownership over the sellers and gives loose leads to marketing', () => {
    const [owner, manager, rep, otherRep, marketer] = input().members;
    const owners = new Set(dataset.accounts.map((account) => account.ownerId));
    for (const seller of [owner, manager, rep, otherRep]) expect(owners.has(seller!.userId)).toBe(true);
    expect(owners.has(marketer!.userId)).toBe(false);
    const loose = dataset.contacts.filter((contact) => contact.accountId === null);
    expect(loose.length).toBeGreaterThan(0);
    for (const lead of loose) expect(lead.ownerId).toBe(marketer!.userId);
  });

  it('works for a one-person workspace with a pipeline of its own', () => {
    const stages = stagesOf({
      stages: [
        { probability: 10, kind: 'open' },
        { probability: 60, kind: 'open' },
        { probability: 100, kind: 'won' },
      ],
    });
    const small = generateDemoDataset(
      input({ members: [{ userId: counter('8')(), role: 'owner' }], stages, size: { deals: 20 } }),
    );
    for (const stage of stages) expect(small.deals.some((deal) => deal.stageId === stage.id)).toBe(true);
    expect(new Set(small.deals.map((deal) => deal.ownerId)).size).toBe(1);
    const unowned = generateDemoDataset(
      input({ members: [], stages, size: { accounts: 5, contacts: 12, deals: 6, activities: 30 } }),
    );
    expect(unowned.accounts.every((account) => account.ownerId === null)).toBe(true);
  });
});
