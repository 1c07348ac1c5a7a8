import type { Account } from '@baken/core/accounts/account.schema';
import { searchWords } from '@baken/core/records/list-query';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBlankDatabase, testEngine } from '../../test/database.ts';
import {
  allPages,
  atTime,
  auditOf,
  createAccount,
  defineCustomField,
  expectedOrder,
  expectProblem,
  list,
  unique,
} from '../../test/factories.ts';
import { type Client, createTestApp, setUpOwner, type TestApp } from '../../test/harness.ts';
import { loadMigrations } from '../platform/db/migrate.ts';

const ACCOUNTS = '/api/v1/accounts';

describe('accounts', () => {
  let test: TestApp;
  let owner: Client;

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
    await defineCustomField(owner, {
      recordType: 'account',
      key: 'region',
      type: 'select',
      options: ['Noord', 'Zuid'],
    });
    await defineCustomField(owner, { recordType: 'account', key: 'locations', type: 'number' });
  });
  afterAll(() => test.close());

  describe('create, read, change, delete', () => {
    it('creates an account with its domain, email, KvK number, country and website normalised', async () => {
      const response = await owner.post(ACCOUNTS, {
        name: '  Acme Nederland BV ',
        domain: 'https://www.Acme.NL/about',
        website: 'acme.nl',
        email: 'Info@Acme.NL',
        kvkNumber: '1234 5678',
        vatNumber: 'nl 0024.55.799.b11',
        country: 'nl',
        employeeCount: 42,
        tags: ['Klant'],
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        name: 'Acme Nederland BV',
        domain: 'acme.nl',
        website: 'https://acme.nl',
        email: 'info@acme.nl',
        kvkNumber: '12345678',
        vatNumber: 'NL002455799B11',
        country: 'NL',
        employeeCount: 42,
        customerStatus: 'prospect',
        tags: ['Klant'],
        custom: {},
      });
      expect(response.json()).not.toHaveProperty('workspaceId');
      expect(response.json()).not.toHaveProperty('searchText');
    });

    it('makes the creator the owner of a new account', async () => {
      const me = await owner.ok<{ user: { id: string } }>('GET', '/api/v1/auth/me');
      const account = await createAccount(owner);
      expect(account.ownerId).toBe(me.user.id);
    });

    it('reads an account back by id', async () => {
      const account = await createAccount(owner, { city: 'Utrecht' });
      expect(await owner.ok('GET', `${ACCOUNTS}/${account.id}`)).toEqual(account);
    });

    it('answers 404 for an account that does not exist', async () => {
      expectProblem(await owner.get(`${ACCOUNTS}/0190a000-0000-7000-8000-000000000000`), 404);
    });

    it('refuses a KvK number that is not 8 digits, naming the field', async () => {
      expectProblem(await owner.post(ACCOUNTS, { name: 'Kort BV', kvkNumber: '1234' }), 422, 'kvkNumber');
    });

    it('refuses a domain that is not a host name, naming the field', async () => {
      expectProblem(
        await owner.post(ACCOUNTS, { name: 'Geen Domein BV', domain: 'not a domain' }),
        422,
        'domain',
      );
    });

    it('changes only the fields a patch sends and stamps updatedAt', async () => {
      const account = await createAccount(owner, { city: 'Utrecht', country: 'NL', employeeCount: 10 });
      const changed = await atTime(test, '2026-05-01T10:00:00.000Z', () =>
        owner.ok<Account>('PATCH', `${ACCOUNTS}/${account.id}`, {
          city: 'Amersfoort',
          domain: 'WWW.Nieuw.nl',
        }),
      );
      expect(changed).toEqual({
        ...account,
        city: 'Amersfoort',
        domain: 'nieuw.nl',
        updatedAt: '2026-05-01T10:00:00.000Z',
      });
      expect(await owner.ok('GET', `${ACCOUNTS}/${account.id}`)).toEqual(changed);
    });

    it('keeps updatedAt and writes no audit row when a patch changes nothing', async () => {
      const account = await createAccount(owner, { city: 'Zwolle', tags: ['Partner'], employeeCount: 5 });
      const same = await owner.ok<Account>('PATCH', `${ACCOUNTS}/${account.id}`, {
        name: account.name,
        city: 'Zwolle',
        tags: ['partner'],
        employeeCount: 5,
      });
      expect(same.updatedAt).toBe(account.updatedAt);
      expect((await auditOf(owner, account.id)).map((entry) => entry.action)).toEqual(['create']);
    });

    it('deletes an account: 204, then 404', async () => {
      const account = await createAccount(owner);
      const response = await owner.delete(`${ACCOUNTS}/${account.id}`);
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
      expectProblem(await owner.get(`${ACCOUNTS}/${account.id}`), 404);
      expectProblem(await owner.delete(`${ACCOUNTS}/${account.id}`), 404);
    });

    it('leaves an audit row for create, update and delete with what changed', async () => {
      const account = await createAccount(owner, { city: 'Delft' });
      await owner.ok('PATCH', `${ACCOUNTS}/${account.id}`, { city: 'Leiden' });
      await owner.ok('DELETE', `${ACCOUNTS}/${account.id}`);
      const trail = await auditOf(owner, account.id);
      expect(trail.map((entry) => entry.action)).toEqual(['create', 'update', 'delete']);
      expect(trail.every((entry) => entry.entityType === 'account')).toBe(true);
      expect(trail[0]!.changes).toMatchObject({ name: account.name, city: 'Delft' });
      expect(trail[1]!.changes).toEqual({ city: { from: 'Delft', to: 'Leiden' } });
      expect(trail[2]!.changes).toMatchObject({ id: account.id, city: 'Leiden' });
    });
  });

  describe('letters beyond ASCII', () => {
    it('matches contains filters and tags case-insensitively on Ö and É too', async () => {
      const tag = `Één-${Date.now()}`;
      const account = await createAccount(owner, { name: `Öztürk Bakkerij ${Date.now()}`, tags: [tag] });
      const found = await list<Account>(owner, ACCOUNTS, { filter: ['name:contains:öztürk'], limit: 200 });
      expect(found.data.map((row) => row.id)).toContain(account.id);
      const again = await createAccount(owner, { tags: [tag.toLowerCase()] });
      expect(again.tags).toEqual([tag]);
    });
  });

  describe('list filters', () => {
    let tag: string;
    const names = (rows: Account[]) => rows.map((row) => row.name).sort();
    const filtered = async (...filters: string[]) =>
      names(
        (await list<Account>(owner, ACCOUNTS, { filter: [`tags:contains:${tag}`, ...filters], limit: 200 }))
          .data,
      );

    beforeAll(async () => {
      tag = unique('filters');
      const make = (name: string, fields: Record<string, unknown>) =>
        createAccount(owner, { name, ...fields, tags: [tag, ...((fields.tags as string[]) ?? [])] });
      await make('Alfa Bouw', {
        city: 'Utrecht',
        country: 'NL',
        employeeCount: 10,
        domain: 'alfa.nl',
        tags: ['VIP'],
        custom: { region: 'Noord', locations: 3 },
      });
      await make('Bravo Logistiek', {
        city: 'Antwerpen',
        country: 'BE',
        employeeCount: 250,
        custom: { region: 'Zuid' },
      });
      await make('Charlie Software', {
        city: 'Utrecht',
        country: 'NL',
        domain: 'charlie.io',
        tags: ['Prospect lijst'],
      });
      await make('Delta Zorg', {
        country: 'DE',
        employeeCount: 40,
        customerStatus: 'customer',
        custom: { locations: 12 },
      });
    });

    it('filters with eq and neq', async () => {
      expect(await filtered('city:eq:Utrecht')).toEqual(['Alfa Bouw', 'Charlie Software']);
      expect(await filtered('city:neq:Utrecht')).toEqual(['Bravo Logistiek', 'Delta Zorg']);
      expect(await filtered('customerStatus:eq:customer')).toEqual(['Delta Zorg']);
    });

    it('filters numbers with lt and gt, leaving out accounts without a value', async () => {
      expect(await filtered('employeeCount:lt:50')).toEqual(['Alfa Bouw', 'Delta Zorg']);
      expect(await filtered('employeeCount:gt:10')).toEqual(['Bravo Logistiek', 'Delta Zorg']);
    });

    it('filters text with contains, case-insensitively', async () => {
      expect(await filtered('name:contains:SOFT')).toEqual(['Charlie Software']);
      expect(await filtered('domain:contains:.nl')).toEqual(['Alfa Bouw']);
    });

    it('filters with in', async () => {
      expect(await filtered('country:in:BE,DE')).toEqual(['Bravo Logistiek', 'Delta Zorg']);
    });

    it('filters with empty and not_empty', async () => {
      expect(await filtered('domain:empty')).toEqual(['Bravo Logistiek', 'Delta Zorg']);
      expect(await filtered('domain:not_empty')).toEqual(['Alfa Bouw', 'Charlie Software']);
      expect(await filtered('city:empty')).toEqual(['Delta Zorg']);
    });

    it('filters on tags with contains and in', async () => {
      expect(await filtered('tags:contains:VIP')).toEqual(['Alfa Bouw']);
      expect(await filtered('tags:in:VIP,Prospect lijst')).toEqual(['Alfa Bouw', 'Charlie Software']);
    });

    it('filters on custom fields', async () => {
      expect(await filtered('custom.region:eq:Zuid')).toEqual(['Bravo Logistiek']);
      expect(await filtered('custom.region:empty')).toEqual(['Charlie Software', 'Delta Zorg']);
      expect(await filtered('custom.locations:gt:5')).toEqual(['Delta Zorg']);
      expect(await filtered('custom.locations:not_empty')).toEqual(['Alfa Bouw', 'Delta Zorg']);
    });

    it('combines filters with and', async () => {
      expect(await filtered('city:eq:Utrecht', 'employeeCount:not_empty')).toEqual(['Alfa Bouw']);
    });

    it('answers 422 on the filter field for an unknown field, a bad operator or a bad value', async () => {
      expectProblem(await owner.get(`${ACCOUNTS}?filter=shoeSize:eq:42`), 422, 'filter');
      expectProblem(await owner.get(`${ACCOUNTS}?filter=custom.nothing:eq:1`), 422, 'filter');
      expectProblem(await owner.get(`${ACCOUNTS}?filter=employeeCount:contains:4`), 422, 'filter');
      expectProblem(await owner.get(`${ACCOUNTS}?filter=employeeCount:gt:many`), 422, 'filter');
      expectProblem(await owner.get(`${ACCOUNTS}?filter=customerStatus:eq:friend`), 422, 'filter');
      expectProblem(await owner.get(`${ACCOUNTS}?filter=custom.region:eq:West`), 422, 'filter');
      expectProblem(await owner.get(`${ACCOUNTS}?filter=city:eq`), 422, 'filter');
      expectProblem(await owner.get(`${ACCOUNTS}?filter=city`), 422, 'filter');
    });
  });

  describe('list sort and paging', () => {
    let tag: string;
    let rows: Account[];

    beforeAll(async () => {
      tag = unique('paging');
      const counts = [120, null, 15, 120, null, 7, 300];
      rows = [];
      for (const [index, employeeCount] of counts.entries()) {
        rows.push(
          await createAccount(owner, { name: `Bedrijf ${'GFEDCBA'[index]}`, employeeCount, tags: [tag] }),
        );
      }
      rows.push(await createAccount(owner, { name: 'Bedrijf A', tags: [tag] }));
    });

    const walk = async (sort?: string) => {
      const query = { filter: `tags:contains:${tag}`, ...(sort ? { sort } : {}) };
      const { rows: walked, pages } = await allPages<Account>(owner, ACCOUNTS, query);
      const whole = await list<Account>(owner, ACCOUNTS, { ...query, limit: 200 });
      expect(pages).toBe(Math.ceil(rows.length / 2));
      expect(new Set(walked.map((row) => row.id)).size).toBe(walked.length);
      expect(walked.map((row) => row.id)).toEqual(whole.data.map((row) => row.id));
      return walked.map((row) => row.id);
    };

    it('sorts by name by default and pages through all accounts with limit 2', async () => {
      expect(await walk()).toEqual(expectedOrder(rows, (row) => row.name, 'asc'));
    });

    it('sorts by name descending', async () => {
      expect(await walk('-name')).toEqual(expectedOrder(rows, (row) => row.name, 'desc'));
    });

    it('sorts a nullable number ascending with empty values last, across pages', async () => {
      expect(await walk('employeeCount')).toEqual(expectedOrder(rows, (row) => row.employeeCount, 'asc'));
    });

    it('sorts a nullable number descending with empty values first, across pages', async () => {
      expect(await walk('-employeeCount')).toEqual(expectedOrder(rows, (row) => row.employeeCount, 'desc'));
    });

    it('pages by creation time in both directions without repeats or gaps', async () => {
      const ascending = await walk('createdAt');
      expect(ascending.sort()).toEqual(rows.map((row) => row.id).sort());
      const descending = await walk('-createdAt');
      expect(descending).toEqual([...(await walk('createdAt'))].reverse());
    });

    it('answers 422 on sort for a field that cannot be sorted', async () => {
      expectProblem(await owner.get(`${ACCOUNTS}?sort=city`), 422, 'sort');
      expectProblem(await owner.get(`${ACCOUNTS}?sort=-nothing`), 422, 'sort');
    });

    it('answers 422 on cursor for a malformed cursor or one from another sort', async () => {
      expectProblem(await owner.get(`${ACCOUNTS}?cursor=not-a-cursor`), 422, 'cursor');
      const forged = Buffer.from(JSON.stringify(['name', 'x', 'not-an-id'])).toString('base64url');
      expectProblem(await owner.get(`${ACCOUNTS}?cursor=${forged}`), 422, 'cursor');
      const page = await list<Account>(owner, ACCOUNTS, {
        filter: `tags:contains:${tag}`,
        limit: 2,
        sort: 'name',
      });
      expect(page.nextCursor).not.toBeNull();
      expectProblem(await owner.get(`${ACCOUNTS}?sort=-name&cursor=${page.nextCursor}`), 422, 'cursor');
    });

    it('answers 422 for a limit out of range', async () => {
      expectProblem(await owner.get(`${ACCOUNTS}?limit=0`), 422);
      expectProblem(await owner.get(`${ACCOUNTS}?limit=201`), 422);
    });
  });

  describe('search', () => {
    let tag: string;
    const search = async (q: string) =>
      (await list<Account>(owner, ACCOUNTS, { q, filter: `tags:contains:${tag}`, limit: 200 })).data
        .map((row) => row.name)
        .sort();

    beforeAll(async () => {
      tag = unique('search');
      await createAccount(owner, { name: 'Bakkerij de Vries', domain: 'bakkerijdevries.nl', tags: [tag] });
      await createAccount(owner, { name: 'Öztürk Import-Export', domain: 'ozturk-trade.com', tags: [tag] });
      await createAccount(owner, { name: 'Van der Berg Metaal', domain: 'vdberg-metaal.nl', tags: [tag] });
    });

    it('finds accounts by the start of any word of the name', async () => {
      expect(await search('bakk')).toEqual(['Bakkerij de Vries']);
      expect(await search('metaal berg')).toEqual(['Van der Berg Metaal']);
      expect(await search('vries bakk')).toEqual(['Bakkerij de Vries']);
    });

    it('folds accents and case both ways', async () => {
      expect(await search('Öz')).toEqual(['Öztürk Import-Export']);
      expect(await search('ozturk')).toEqual(['Öztürk Import-Export']);
    });

    it('finds accounts by a part of their domain', async () => {
      expect(await search('vdberg')).toEqual(['Van der Berg Metaal']);
      expect(await search('ozturk-trade')).toEqual(['Öztürk Import-Export']);
    });

    it('falls back to similar words when nothing starts with the words typed', async () => {
      expect(await search('bakerij')).toEqual(['Bakkerij de Vries']);
    });

    it('pages through search results like any list', async () => {
      const florists = [];
      for (const name of ['Tulpenland', 'Tulpenhuis', 'Bloem & Tulp', 'De Tulpenboer', 'Tulpstra']) {
        florists.push(await createAccount(owner, { name, tags: [tag] }));
      }
      const query = { q: 'tulp', filter: `tags:contains:${tag}`, sort: '-name' };
      const { rows, pages } = await allPages<Account>(owner, ACCOUNTS, query);
      expect(pages).toBe(3);
      expect(rows.map((row) => row.id)).toEqual(expectedOrder(florists, (row) => row.name, 'desc'));
    });

    it('folds every Latin letter in the database as the search box folds it', async () => {
      const letters: string[] = [];
      for (const [first, last] of [
        [0x41, 0x5a],
        [0x61, 0x7a],
        [0xc0, 0x17f],
        [0x218, 0x21b],
      ] as const) {
        for (let code = first; code <= last; code++) {
          const letter = String.fromCodePoint(code);
          if (/\p{L}/u.test(letter)) letters.push(letter);
        }
      }
      const { rows } = await sql<{ letter: string; folded: string }>`
        select letter, baken_fold(letter) as folded from unnest(${letters}::text[]) as letter`.execute(
        test.ctx.db,
      );
      const differ = rows.filter((row) => searchWords(row.letter).join('') !== row.folded);
      expect(
        differ.map((row) => `${row.letter}: ${row.folded} <> ${searchWords(row.letter).join('')}`),
      ).toEqual([]);
      expect(rows).toHaveLength(letters.length);
    });

    it('folds whole values alike with and without letters beyond ASCII', async () => {
      const values = ['Jan.de-Vries+crm@Firma.NL', 'Zoë.de-Vries+crm@Firma.NL', '<b>Ünal & Zn</b> / Ås'];
      const { rows } = await sql<{ folded: string }>`
        select baken_fold(value) as folded from unnest(${values}::text[]) with ordinality as v(value, n)
        order by n`.execute(test.ctx.db);
      expect(rows.map((row) => row.folded)).toEqual([
        'jan de vries crm firma nl',
        'zoe de vries crm firma nl',
        ' b unal   zn  b    as',
      ]);
      expect(rows.map((row) => row.folded.split(' ').filter(Boolean))).toEqual(values.map(searchWords));
    });

    it('refolds the search text of records stored before every Latin letter was folded', async () => {
      const database = await openBlankDatabase(testEngine);
      try {
        const migrations = await loadMigrations();
        const run = (version: number) =>
          sql.raw(migrations.find((migration) => migration.version === version)!.sql).execute(database.db);
        await run(1);
        await run(2);
        const workspace = '0190a000-0000-7000-8000-00000000000a';
        await sql`insert into workspaces (id, name) values (${workspace}, 'Oud')`.execute(database.db);
        await sql`insert into accounts (workspace_id, id, name, domain)
          values (${workspace}, '0190a000-0000-7000-8000-00000000000b', 'Doğan Güneş', 'şahin.example')`.execute(
          database.db,
        );
        await run(3);
        const { rows } = await sql<{ searchText: string }>`select search_text from accounts`.execute(
          database.db,
        );
        expect(rows.map((row) => row.searchText)).toEqual(['dogan gunes sahin example']);
      } finally {
        await database.close();
      }
    });

    it('finds nothing for a word that is in no account', async () => {
      expect(await search('zzzyzx')).toEqual([]);
    });
  });
});
