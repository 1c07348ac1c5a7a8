import type { Account } from '@baken/core/accounts/account.schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOf,
  createAccount,
  createActivity,
  createContact,
  defineCustomField,
  expectProblem,
  list,
  unique,
} from '../../test/factories.ts';
import { type Client, createTestApp, setUpOwner, type TestApp } from '../../test/harness.ts';

const FIELDS = '/api/v1/custom-fields';
const ACCOUNTS = '/api/v1/accounts';

type Definition = {
  id: string;
  recordType: string;
  key: string;
  label: string;
  type: string;
  options: string[];
  required: boolean;
  position: number;
};

describe('custom fields', () => {
  let test: TestApp;
  let owner: Client;
  let definitions: Definition[];

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
    definitions = [];
    for (const [position, field] of [
      { key: 'sector', label: 'Sector', type: 'text' },
      { key: 'locations', label: 'Vestigingen', type: 'number' },
      { key: 'renewal_date', label: 'Verlengdatum', type: 'date' },
      { key: 'region', label: 'Regio', type: 'select', options: ['Noord', 'Midden', 'Zuid'] },
      { key: 'channels', label: 'Kanalen', type: 'multi_select', options: ['web', 'beurs', 'telefoon'] },
      { key: 'reseller', label: 'Wederverkoper', type: 'boolean' },
      { key: 'portal', label: 'Klantportaal', type: 'url' },
    ].entries()) {
      definitions.push(
        await owner.ok<Definition>('POST', FIELDS, { recordType: 'account', position, ...field }),
      );
    }
  });
  afterAll(() => test.close());

  describe('definitions', () => {
    it('defines a field of every type, listed per record type in position order', async () => {
      const { data } = await owner.ok<{ data: Definition[] }>('GET', `${FIELDS}?recordType=account`);
      expect(data.map((field) => [field.key, field.type])).toEqual([
        ['sector', 'text'],
        ['locations', 'number'],
        ['renewal_date', 'date'],
        ['region', 'select'],
        ['channels', 'multi_select'],
        ['reseller', 'boolean'],
        ['portal', 'url'],
      ]);
      expect(data.find((field) => field.key === 'region')).toMatchObject({
        label: 'Regio',
        options: ['Noord', 'Midden', 'Zuid'],
        required: false,
      });
      expect((await owner.ok<{ data: Definition[] }>('GET', `${FIELDS}?recordType=deal`)).data).toEqual([]);
    });

    it('refuses a second field with the same key on the same record type, with 409 on key', async () => {
      expectProblem(
        await owner.post(FIELDS, { recordType: 'account', key: 'sector', label: 'Nog eens', type: 'text' }),
        409,
        'key',
      );
      const onContacts = await owner.post(FIELDS, {
        recordType: 'contact',
        key: 'sector',
        label: 'Sector',
        type: 'text',
      });
      expect(onContacts.statusCode).toBe(201);
    });

    it('refuses a key that is not lower-case letters, digits and _', async () => {
      expectProblem(
        await owner.post(FIELDS, { recordType: 'account', key: 'Regio Naam', label: 'x', type: 'text' }),
        422,
        'key',
      );
    });

    it('wants options for select fields and none for other types', async () => {
      const select = { recordType: 'account', key: 'size', label: 'Omvang', type: 'select' };
      expectProblem(await owner.post(FIELDS, select), 422, 'options');
      expectProblem(await owner.post(FIELDS, { ...select, type: 'text', options: ['a'] }), 422, 'options');
      const region = definitions.find((field) => field.key === 'sector')!;
      expectProblem(await owner.patch(`${FIELDS}/${region.id}`, { options: ['a'] }), 422, 'options');
    });

    it('changes the label and options of a field', async () => {
      const field = await defineCustomField(owner, {
        recordType: 'deal',
        key: 'segment',
        type: 'select',
        options: ['SMB'],
      });
      const changed = await owner.ok<Definition>('PATCH', `${FIELDS}/${field.id}`, {
        label: 'Segment',
        options: ['SMB', 'Enterprise'],
      });
      expect(changed).toMatchObject({ key: 'segment', label: 'Segment', options: ['SMB', 'Enterprise'] });
      const deal = await owner.ok<{ custom: Record<string, unknown> }>('POST', '/api/v1/deals', {
        name: 'Groot',
        custom: { segment: 'Enterprise' },
      });
      expect(deal.custom).toEqual({ segment: 'Enterprise' });
    });

    it('leaves an audit row for create, update and delete of a definition', async () => {
      const field = await defineCustomField(owner, { recordType: 'activity', key: 'kosten', type: 'number' });
      await owner.ok('PATCH', `${FIELDS}/${field.id}`, { label: 'Kosten' });
      await owner.ok('DELETE', `${FIELDS}/${field.id}`);
      expect((await auditOf(owner, field.id)).map((entry) => [entry.action, entry.entityType])).toEqual([
        ['create', 'custom_field'],
        ['update', 'custom_field'],
        ['delete', 'custom_field'],
      ]);
    });
  });

  describe('values', () => {
    it('stores a valid value of every type', async () => {
      const custom = {
        sector: 'Bouw',
        locations: 4,
        renewal_date: '2027-03-31',
        region: 'Midden',
        channels: ['web', 'beurs'],
        reseller: true,
        portal: 'https://portal.bouwbedrijf.nl',
      };
      const account = await createAccount(owner, { custom });
      expect(account.custom).toEqual(custom);
      expect((await owner.ok<Account>('GET', `${ACCOUNTS}/${account.id}`)).custom).toEqual(custom);
    });

    it.each([
      ['sector', 42],
      ['locations', 'vier'],
      ['renewal_date', '31-03-2027'],
      ['renewal_date', '2027-02-30'],
      ['region', 'West'],
      ['channels', ['fax']],
      ['channels', 'web'],
      ['reseller', 'ja'],
      ['portal', 'portal.bouwbedrijf.nl'],
    ])('refuses %s = %j with 422 on custom.<key>', async (key, value) => {
      expectProblem(
        await owner.post(ACCOUNTS, { name: 'Fout BV', custom: { [key]: value } }),
        422,
        `custom.${key}`,
      );
    });

    it('refuses a key that no field defines, also when it exists on another record type', async () => {
      expectProblem(
        await owner.post(ACCOUNTS, { name: 'Onbekend BV', custom: { shoe_size: 44 } }),
        422,
        'custom.shoe_size',
      );
      await defineCustomField(owner, { recordType: 'contact', key: 'hobby', type: 'text' });
      expectProblem(
        await owner.post(ACCOUNTS, { name: 'Hobby BV', custom: { hobby: 'zeilen' } }),
        422,
        'custom.hobby',
      );
    });

    it('merges a patch into the stored values and removes a value set to null', async () => {
      const account = await createAccount(owner, {
        custom: { sector: 'Zorg', locations: 2, reseller: false },
      });
      const changed = await owner.ok<Account>('PATCH', `${ACCOUNTS}/${account.id}`, {
        custom: { locations: 3, sector: null },
      });
      expect(changed.custom).toEqual({ locations: 3, reseller: false });
      const trail = await auditOf(owner, account.id);
      expect(trail.at(-1)!.changes).toEqual({
        custom: {
          from: { sector: 'Zorg', locations: 2, reseller: false },
          to: { locations: 3, reseller: false },
        },
      });
    });

    it('keeps a custom key with an underscore exactly as defined through later changes', async () => {
      const account = await createAccount(owner, { custom: { renewal_date: '2027-06-30' } });
      const changed = await owner.ok<Account>('PATCH', `${ACCOUNTS}/${account.id}`, {
        custom: { locations: 5 },
      });
      expect(changed.custom).toEqual({ renewal_date: '2027-06-30', locations: 5 });
      const { data } = await list<Account>(owner, ACCOUNTS, { filter: 'custom.renewal_date:eq:2027-06-30' });
      expect(data.map((row) => row.id)).toEqual([account.id]);
    });

    it('keeps updatedAt when a patch repeats the stored custom values', async () => {
      const account = await createAccount(owner, { custom: { channels: ['web'], locations: 7 } });
      const same = await owner.ok<Account>('PATCH', `${ACCOUNTS}/${account.id}`, {
        custom: { locations: 7 },
      });
      expect(same.updatedAt).toBe(account.updatedAt);
    });

    it('requires a value for a required field when a record is created', async () => {
      const field = await defineCustomField(owner, {
        recordType: 'activity',
        key: 'project',
        type: 'text',
        required: true,
      });
      try {
        expectProblem(await owner.post('/api/v1/activities', { type: 'note' }), 422, 'custom.project');
        const activity = await createActivity(owner, { custom: { project: 'Verbouwing' } });
        expect(activity.custom).toEqual({ project: 'Verbouwing' });
        expectProblem(
          await owner.patch(`/api/v1/activities/${activity.id}`, { custom: { project: null } }),
          422,
          'custom.project',
        );
      } finally {
        await owner.ok('DELETE', `${FIELDS}/${field.id}`);
      }
    });

    it('refuses values of a field once its definition is deleted', async () => {
      const field = await defineCustomField(owner, { recordType: 'contact', key: 'tijdelijk', type: 'text' });
      await createContact(owner, { custom: { tijdelijk: 'ja' } });
      await owner.ok('DELETE', `${FIELDS}/${field.id}`);
      expectProblem(
        await owner.post('/api/v1/contacts', { lastName: 'Later', custom: { tijdelijk: 'ja' } }),
        422,
        'custom.tijdelijk',
      );
      expectProblem(await owner.get('/api/v1/contacts?filter=custom.tijdelijk:eq:ja'), 422, 'filter');
    });
  });

  describe('removal', () => {
    it('deletes the values of a deleted field, so a new field with its key starts empty', async () => {
      const field = await defineCustomField(owner, {
        recordType: 'account',
        key: 'tier',
        label: 'Niveau',
        type: 'text',
      });
      const account = await createAccount(owner, { custom: { tier: 'goud' } });
      await owner.ok('DELETE', `${FIELDS}/${(field as { id: string }).id}`);
      const after = await owner.ok<Account>('GET', `${ACCOUNTS}/${account.id}`);
      expect(after.custom).not.toHaveProperty('tier');
      await defineCustomField(owner, { recordType: 'account', key: 'tier', label: 'Niveau', type: 'number' });
      const filtered = await owner.get(`${ACCOUNTS}?filter=custom.tier:gt:1`);
      expect(filtered.statusCode).toBe(200);
    });
  });

  describe('filters', () => {
    let tag: string;
    const names = async (filter: string) =>
      (await list<Account>(owner, ACCOUNTS, { filter: [`tags:contains:${tag}`, filter], limit: 200 })).data
        .map((row) => row.name)
        .sort();

    beforeAll(async () => {
      tag = unique('custom');
      const make = (name: string, custom: Record<string, unknown>) =>
        createAccount(owner, { name, tags: [tag], custom });
      await make('Aannemer Noord', {
        sector: 'Bouw',
        locations: 12,
        renewal_date: '2027-01-15',
        region: 'Noord',
        channels: ['web', 'beurs'],
        reseller: true,
        portal: 'https://noord.example.nl',
      });
      await make('Bouwmarkt Zuid', {
        sector: 'Retail bouw',
        locations: 3,
        renewal_date: '2026-11-30',
        region: 'Zuid',
        channels: ['telefoon'],
        reseller: false,
      });
      await make('Consultant Midden', { region: 'Midden', channels: ['web'] });
      await make('Leeg', {});
    });

    it('filters text fields with eq and contains', async () => {
      expect(await names('custom.sector:eq:Bouw')).toEqual(['Aannemer Noord']);
      expect(await names('custom.sector:contains:bouw')).toEqual(['Aannemer Noord', 'Bouwmarkt Zuid']);
      expect(await names('custom.portal:contains:noord')).toEqual(['Aannemer Noord']);
    });

    it('filters number and date fields by range', async () => {
      expect(await names('custom.locations:gt:5')).toEqual(['Aannemer Noord']);
      expect(await names('custom.locations:lt:5')).toEqual(['Bouwmarkt Zuid']);
      expect(await names('custom.renewal_date:lt:2027-01-01')).toEqual(['Bouwmarkt Zuid']);
    });

    it('filters select fields with eq, neq and in', async () => {
      expect(await names('custom.region:eq:Midden')).toEqual(['Consultant Midden']);
      expect(await names('custom.region:in:Noord,Zuid')).toEqual(['Aannemer Noord', 'Bouwmarkt Zuid']);
      expect(await names('custom.region:neq:Noord')).toEqual(['Bouwmarkt Zuid', 'Consultant Midden', 'Leeg']);
    });

    it('filters multi-select fields with contains and in', async () => {
      expect(await names('custom.channels:contains:web')).toEqual(['Aannemer Noord', 'Consultant Midden']);
      expect(await names('custom.channels:in:beurs,telefoon')).toEqual(['Aannemer Noord', 'Bouwmarkt Zuid']);
    });

    it('filters boolean fields', async () => {
      expect(await names('custom.reseller:eq:true')).toEqual(['Aannemer Noord']);
      expect(await names('custom.reseller:eq:false')).toEqual(['Bouwmarkt Zuid']);
    });

    it('filters on values being empty or not', async () => {
      expect(await names('custom.locations:empty')).toEqual(['Consultant Midden', 'Leeg']);
      expect(await names('custom.channels:empty')).toEqual(['Leeg']);
      expect(await names('custom.sector:not_empty')).toEqual(['Aannemer Noord', 'Bouwmarkt Zuid']);
      expect(await names('custom.reseller:empty')).toEqual(['Consultant Midden', 'Leeg']);
    });

    it('refuses a filter value that does not fit the field', async () => {
      expectProblem(await owner.get(`${ACCOUNTS}?filter=custom.locations:gt:veel`), 422, 'filter');
      expectProblem(await owner.get(`${ACCOUNTS}?filter=custom.region:eq:Oost`), 422, 'filter');
      expectProblem(await owner.get(`${ACCOUNTS}?filter=custom.reseller:contains:t`), 422, 'filter');
    });
  });
});
