import type { Contact } from '@baken/core/contacts/contact.schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allPages,
  atTime,
  auditOf,
  createAccount,
  createContact,
  defineCustomField,
  expectedOrder,
  expectProblem,
  list,
  unique,
} from '../../test/factories.ts';
import { type Client, createTestApp, setUpOwner, type TestApp, uniqueEmail } from '../../test/harness.ts';

const CONTACTS = '/api/v1/contacts';

describe('contacts', () => {
  let test: TestApp;
  let owner: Client;

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
    await defineCustomField(owner, { recordType: 'contact', key: 'newsletter', type: 'boolean' });
  });
  afterAll(() => test.close());

  describe('create, read, change, delete', () => {
    it('creates a contact with a lower-cased email, trimmed names and the phone number in E.164', async () => {
      const response = await owner.post(CONTACTS, {
        firstName: ' Fatma ',
        lastName: 'Öztürk',
        email: ' Fatma.Ozturk@Example.NL ',
        phone: '+31 6 1234 5678',
        lifecycleStage: 'mql',
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        firstName: 'Fatma',
        lastName: 'Öztürk',
        email: 'fatma.ozturk@example.nl',
        phone: '+31612345678',
        lifecycleStage: 'mql',
        marketingConsent: 'unknown',
        accountId: null,
        tags: [],
      });
    });

    it('needs at least a first name, a last name or an email address', async () => {
      expectProblem(await owner.post(CONTACTS, { jobTitle: 'Inkoper' }), 422, 'lastName');
      expect((await owner.post(CONTACTS, { email: uniqueEmail('only') })).statusCode).toBe(201);
    });

    it('refuses an email address that is already used in the workspace, in any case, with 409 on email', async () => {
      const email = uniqueEmail('taken');
      await createContact(owner, { email });
      expectProblem(
        await owner.post(CONTACTS, { lastName: 'Tweede', email: email.toUpperCase() }),
        409,
        'email',
      );
      const other = await createContact(owner, { email: uniqueEmail('other') });
      expectProblem(await owner.patch(`${CONTACTS}/${other.id}`, { email }), 409, 'email');
    });

    it('refuses an accountId of an account that does not exist, with 422 on accountId', async () => {
      const response = await owner.post(CONTACTS, {
        lastName: 'Zwerver',
        accountId: '0190a000-0000-7000-8000-000000000000',
      });
      expectProblem(response, 422, 'accountId');
    });

    it('links a contact to an account', async () => {
      const account = await createAccount(owner);
      const contact = await createContact(owner, { accountId: account.id });
      expect(contact.accountId).toBe(account.id);
      const { data } = await list<Contact>(owner, CONTACTS, { filter: `accountId:eq:${account.id}` });
      expect(data.map((row) => row.id)).toEqual([contact.id]);
    });

    it("clears the contacts' accountId when their account is deleted", async () => {
      const account = await createAccount(owner);
      const first = await createContact(owner, { accountId: account.id });
      const second = await createContact(owner, { accountId: account.id });
      await owner.ok('DELETE', `/api/v1/accounts/${account.id}`);
      for (const contact of [first, second]) {
        expect((await owner.ok<Contact>('GET', `${CONTACTS}/${contact.id}`)).accountId).toBeNull();
      }
    });

    it('changes only the fields a patch sends and stamps updatedAt', async () => {
      const contact = await createContact(owner, { jobTitle: 'Inkoper', email: uniqueEmail('patch') });
      const changed = await atTime(test, '2026-06-01T08:00:00.000Z', () =>
        owner.ok<Contact>('PATCH', `${CONTACTS}/${contact.id}`, {
          jobTitle: 'Hoofd inkoop',
          persona: 'decision_maker',
        }),
      );
      expect(changed).toEqual({
        ...contact,
        jobTitle: 'Hoofd inkoop',
        persona: 'decision_maker',
        updatedAt: '2026-06-01T08:00:00.000Z',
      });
    });

    it('clears a field that a patch sets to an empty string', async () => {
      const contact = await createContact(owner, { jobTitle: 'Inkoper' });
      expect(
        (await owner.ok<Contact>('PATCH', `${CONTACTS}/${contact.id}`, { jobTitle: '' })).jobTitle,
      ).toBeNull();
    });

    it('keeps updatedAt and writes no audit row when a patch repeats the stored values', async () => {
      const contact = await createContact(owner, {
        email: uniqueEmail('same'),
        consentAt: '2026-03-01T09:30:00+01:00',
        marketingConsent: 'granted',
      });
      const same = await owner.ok<Contact>('PATCH', `${CONTACTS}/${contact.id}`, {
        email: contact.email!.toUpperCase(),
        consentAt: '2026-03-01T08:30:00Z',
        marketingConsent: 'granted',
        lastName: contact.lastName,
      });
      expect(same.updatedAt).toBe(contact.updatedAt);
      expect((await auditOf(owner, contact.id)).map((entry) => entry.action)).toEqual(['create']);
    });

    it('deletes a contact: 204, then 404', async () => {
      const contact = await createContact(owner);
      expect((await owner.delete(`${CONTACTS}/${contact.id}`)).statusCode).toBe(204);
      expectProblem(await owner.get(`${CONTACTS}/${contact.id}`), 404);
    });

    it('leaves an audit row for create, update and delete', async () => {
      const contact = await createContact(owner, { lifecycleStage: 'lead' });
      await owner.ok('PATCH', `${CONTACTS}/${contact.id}`, { lifecycleStage: 'sql' });
      await owner.ok('DELETE', `${CONTACTS}/${contact.id}`);
      const trail = await auditOf(owner, contact.id);
      expect(trail.map((entry) => [entry.action, entry.entityType])).toEqual([
        ['create', 'contact'],
        ['update', 'contact'],
        ['delete', 'contact'],
      ]);
      expect(trail[1]!.changes).toEqual({ lifecycleStage: { from: 'lead', to: 'sql' } });
    });
  });

  describe('lists', () => {
    let tag: string;
    let rows: Contact[];
    const lastNames = async (...filters: string[]) =>
      (
        await list<Contact>(owner, CONTACTS, { filter: [`tags:contains:${tag}`, ...filters], limit: 200 })
      ).data
        .map((row) => row.lastName ?? row.email)
        .sort();

    beforeAll(async () => {
      tag = unique('contacts');
      const account = await createAccount(owner, { name: 'Bakkerij de Vries' });
      const make = (fields: Record<string, unknown>) =>
        createContact(owner, { firstName: null, tags: [tag], ...fields });
      rows = [
        await make({
          firstName: 'Fatma',
          lastName: 'Öztürk',
          email: `fatma.${tag}@bakkerij.nl`,
          accountId: account.id,
          lifecycleStage: 'mql',
          custom: { newsletter: true },
        }),
        await make({
          lastName: 'de Vries',
          email: `piet.${tag}@devries.nl`,
          lifecycleStage: 'customer',
          persona: 'champion',
        }),
        await make({
          lastName: null,
          email: `info.${tag}@anoniem.nl`,
          lifecycleStage: 'lead',
          custom: { newsletter: false },
        }),
        await make({ lastName: 'Bakker', lifecycleStage: 'lead', tags: [tag, 'Beurs 2026'] }),
        await make({ lastName: 'Bakker', lifecycleStage: 'sql' }),
      ];
    });

    it('filters on lifecycle stage, persona, account, email and tags', async () => {
      expect(await lastNames('lifecycleStage:eq:lead')).toEqual(['Bakker', `info.${tag}@anoniem.nl`]);
      expect(await lastNames('lifecycleStage:in:mql,sql')).toEqual(['Bakker', 'Öztürk']);
      expect(await lastNames('persona:not_empty')).toEqual(['de Vries']);
      expect(await lastNames('accountId:not_empty')).toEqual(['Öztürk']);
      expect(await lastNames('email:contains:@DEVRIES')).toEqual(['de Vries']);
      expect(await lastNames('email:empty')).toEqual(['Bakker', 'Bakker']);
      expect(await lastNames('lastName:empty')).toEqual([`info.${tag}@anoniem.nl`]);
      expect(await lastNames('tags:contains:Beurs 2026')).toEqual(['Bakker']);
    });

    it('filters on a custom boolean field', async () => {
      expect(await lastNames('custom.newsletter:eq:true')).toEqual(['Öztürk']);
      expect(await lastNames('custom.newsletter:eq:false')).toEqual([`info.${tag}@anoniem.nl`]);
      expect(await lastNames('custom.newsletter:empty')).toEqual(['Bakker', 'Bakker', 'de Vries']);
      expectProblem(await owner.get(`${CONTACTS}?filter=custom.newsletter:eq:yes`), 422, 'filter');
    });

    it('sorts by last name with contacts without one last, and pages through all of them', async () => {
      for (const direction of ['asc', 'desc'] as const) {
        const sort = direction === 'asc' ? 'lastName' : '-lastName';
        const { rows: walked } = await allPages<Contact>(owner, CONTACTS, {
          filter: `tags:contains:${tag}`,
          sort,
        });
        expect(walked.map((row) => row.id)).toEqual(expectedOrder(rows, (row) => row.lastName, direction));
      }
    });

    it('searches by word prefix with accents folded', async () => {
      const search = async (q: string) =>
        (await list<Contact>(owner, CONTACTS, { q, filter: `tags:contains:${tag}` })).data.map(
          (row) => row.id,
        );
      expect(await search('Öz')).toEqual([rows[0]!.id]);
      expect(await search('oztu')).toEqual([rows[0]!.id]);
      expect(await search('fat özt')).toEqual([rows[0]!.id]);
    });

    it('finds Turkish, Czech and Polish names typed as stored, in capitals or without accents', async () => {
      const names = unique('names');
      const people = [
        await createContact(owner, { firstName: 'Emre', lastName: 'Şahin', tags: [names] }),
        await createContact(owner, { firstName: 'Elif', lastName: 'Doğan', tags: [names] }),
        await createContact(owner, { firstName: 'KAREL', lastName: 'ČAPEK', tags: [names] }),
        await createContact(owner, { firstName: 'Paweł', lastName: 'Łukasz', tags: [names] }),
      ];
      const search = async (q: string) =>
        (await list<Contact>(owner, CONTACTS, { q, filter: `tags:contains:${names}` })).data.map(
          (row) => row.id,
        );
      for (const [index, queries] of [
        ['Şahin', 'ŞAHİN', 'sahin'],
        ['Doğan', 'dogan'],
        ['Čapek', 'capek', 'karel cap'],
        ['Łukasz', 'lukasz', 'pawel'],
      ].entries()) {
        for (const q of queries) expect(await search(q), q).toEqual([people[index]!.id]);
      }
    });

    it('searches the parts of an email address', async () => {
      const search = async (q: string) =>
        (await list<Contact>(owner, CONTACTS, { q, filter: `tags:contains:${tag}` })).data.map(
          (row) => row.id,
        );
      expect(await search('piet')).toEqual([rows[1]!.id]);
      expect(await search('anoniem')).toEqual([rows[2]!.id]);
      expect(await search('bakkerij')).toEqual([rows[0]!.id]);
    });

    it('finds a contact despite a typo when no word starts with what was typed', async () => {
      const { data } = await list<Contact>(owner, CONTACTS, { q: 'bakerij', filter: `tags:contains:${tag}` });
      expect(data.map((row) => row.id)).toEqual([rows[0]!.id]);
    });
  });
});
