import type { ContactPair } from '@baken/core/duplicates/duplicate.schema';
import { emailKey, phoneKey } from '@baken/core/duplicates/match-keys';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createContact, expectProblem, unique } from '../../test/factories.ts';
import {
  addMember,
  type Client,
  createTestApp,
  otherWorkspaceOwner,
  type TestApp,
} from '../../test/harness.ts';
import { drainScans, scanNow } from './duplicate-test-helpers.ts';
import { likelyContactDuplicates } from './duplicates.service.ts';

type Pair = Omit<ContactPair, 'a' | 'b'> & { a: { id: string }; b: { id: string } };

const pairsOf = async (client: Client, kind: 'contacts' | 'accounts', status = 'open') =>
  (await client.ok<{ data: Pair[] }>('GET', `/api/v1/duplicates/${kind}?status=${status}&limit=100`)).data;

/** The reasons of the pair of these two records, or null when no pair holds them. */
function reasonsOf(pairs: Pair[], x: { id: string }, y: { id: string }) {
  const pair = pairs.find((p) => [p.a.id, p.b.id].sort().join() === [x.id, y.id].sort().join());
  return pair ? pair.reasons.map((reason) => reason.code) : null;
}

describe('duplicate detection', () => {
  let test: TestApp;
  let owner: Client;

  beforeAll(async () => {
    test = await createTestApp();
    owner = await otherWorkspaceOwner(test, `Dubbelen ${unique()}`);
  });
  afterAll(() => test.close());

  it('computes the same email and phone keys in SQL as in core', async () => {
    const emails = [
      ' Jan.Jansen+Beurs@GMail.com ',
      'j.a.n.jansen@googlemail.com',
      'piet+x+y@bakkerij.nl',
      'p.i.e.t@bakkerij.nl',
      '+label@acme.nl',
      'geen-apenstaart',
      'a@b@c.nl',
      'naam@',
    ];
    const phones = [
      '+31 6 1234 5678',
      '0031612345678',
      '06-12345678',
      '12345',
      '+32 470 12 34 56',
      '(020) 123',
    ];
    const { rows } = await sql<{ kind: string; input: string; key: string | null }>`
      select 'email' as kind, e as input, baken_email_key(e) as key from unnest(${emails}::text[]) e
      union all
      select 'phone', p, baken_phone_key(p) from unnest(${phones}::text[]) p`.execute(test.ctx.db);
    for (const row of rows)
      expect(row.key, `${row.kind} ${row.input}`).toBe(
        row.kind === 'email' ? emailKey(row.input) : phoneKey(row.input),
      );
    expect(emailKey(emails[0])).toBe('janjansen@gmail.com');
    expect(emailKey(emails[1])).toBe('janjansen@gmail.com');
    expect(phoneKey(phones[1])).toBe(phoneKey(phones[2]));
  });

  describe('a full scan', () => {
    const planted: Record<string, { id: string }> = {};

    beforeAll(async () => {
      const bakery = await createAccount(owner, {
        name: 'Bakkerij Smit',
        city: 'Utrecht',
        domain: 'smit.nl',
      });
      const garage = await createAccount(owner, { name: 'Garage Verhoef', city: 'Zwolle' });
      const contact = (key: string, fields: Record<string, unknown>) =>
        createContact(owner, { firstName: null, lastName: null, ...fields }).then((row) => {
          planted[key] = row;
        });
      // Duplicates
      await contact('gmail1', { firstName: 'Jan', lastName: 'Jansen', email: 'jan.jansen@gmail.com' });
      await contact('gmail2', {
        firstName: 'J.',
        lastName: 'Jansen',
        email: 'janjansen+nieuwsbrief@googlemail.com',
      });
      await contact('phone1', { firstName: 'Sanne', lastName: 'Visser', phone: '+31 6 1234 5678' });
      await contact('phone2', { firstName: 'Bram', lastName: 'Kok', mobile: '06-12345678' });
      await contact('name1', { firstName: 'Annemarie', lastName: 'Janssen', accountId: bakery.id });
      await contact('name2', { firstName: 'Annemarie', lastName: 'Jansen', accountId: bakery.id });
      await contact('same1', { firstName: 'Pieter', lastName: 'de Vries', accountId: garage.id });
      await contact('same2', { firstName: 'Pieter', lastName: 'de Vries', accountId: garage.id });
      // Not duplicates
      await contact('namesake1', { firstName: 'Kees', lastName: 'Bakker', accountId: bakery.id });
      await contact('namesake2', { firstName: 'Kees', lastName: 'Bakker', accountId: garage.id });
      await contact('colleague1', { firstName: 'Jan', lastName: 'de Boer', accountId: bakery.id });
      await contact('colleague2', { firstName: 'Jan', lastName: 'Dekker', accountId: bakery.id });
      await contact('short1', { lastName: 'Mol', phone: '+31 20 555 1234' });
      await contact('short2', { lastName: 'Mol', phone: '+31 30 555 1234' });
      await contact('domain1', { firstName: 'Eva', email: 'eva@smit.nl' });
      await contact('domain2', { firstName: 'Eva', email: 'eva@smit.com' });

      const account = (key: string, fields: Record<string, unknown>) =>
        createAccount(owner, fields).then((row) => {
          planted[key] = row;
        });
      await account('domainA', { name: 'Drukkerij Peters', domain: 'peters.nl' });
      await account('domainB', { name: 'Peters Druk & Print', domain: 'peters.nl', city: 'Breda' });
      await account('kvkA', { name: 'Van Dam Installatie', kvkNumber: '12345678' });
      await account('kvkB', { name: 'Installatiebedrijf Dam', kvkNumber: '1234 5678' });
      await account('cityA', { name: 'Bloemenhuis De Roos', city: 'Haarlem' });
      await account('cityB', { name: 'Bloemenhuis de Roos B.V.', city: 'haarlem' });
      await account('elsewhereA', { name: 'Slagerij Hendriks', city: 'Tilburg' });
      await account('elsewhereB', { name: 'Slagerij Hendriks', city: 'Venlo' });
      await account('neighbourA', { name: 'Café Het Wapen', city: 'Delft' });
      await account('neighbourB', { name: 'Fietsenmaker Wapenaar', city: 'Delft' });
    });

    it('runs as a background job and reports its result', async () => {
      const scan = await scanNow(test, owner);
      expect(scan.status).toBe('done');
      expect(scan.pairsFound).toBeGreaterThanOrEqual(7);
    });

    it('finds the planted contact pairs with the right reasons', async () => {
      const pairs = await pairsOf(owner, 'contacts');
      expect(reasonsOf(pairs, planted.gmail1!, planted.gmail2!)).toEqual(['same_email', 'similar_name']);
      expect(reasonsOf(pairs, planted.phone1!, planted.phone2!)).toEqual(['same_phone']);
      expect(reasonsOf(pairs, planted.name1!, planted.name2!)).toEqual(['similar_name_same_account']);
      expect(reasonsOf(pairs, planted.same1!, planted.same2!)).toEqual(['same_name_same_account']);
      const similar = pairs.find((pair) => pair.reasons[0]?.code === 'similar_name_same_account')!;
      expect(similar.reasons[0]!.similarity).toBeGreaterThan(0.6);
      expect(similar.reasons[0]!.similarity).toBeLessThan(1);
      const exact = pairs.filter((pair) => pair.exact).map((pair) => reasonsOf([pair], pair.a, pair.b));
      expect(exact).toEqual([['same_email', 'similar_name']]);
    });

    it('finds none of the planted non-duplicates among contacts', async () => {
      const pairs = await pairsOf(owner, 'contacts');
      for (const [x, y] of [
        ['namesake1', 'namesake2'],
        ['colleague1', 'colleague2'],
        ['short1', 'short2'],
        ['domain1', 'domain2'],
      ])
        expect(reasonsOf(pairs, planted[x!]!, planted[y!]!), `${x} ~ ${y}`).toBeNull();
      expect(pairs).toHaveLength(4);
    });

    it('finds the planted account pairs, and not the same name in another city', async () => {
      const pairs = await pairsOf(owner, 'accounts');
      expect(reasonsOf(pairs, planted.domainA!, planted.domainB!)).toEqual(['same_domain']);
      expect(reasonsOf(pairs, planted.kvkA!, planted.kvkB!)).toEqual(['same_kvk']);
      expect(reasonsOf(pairs, planted.cityA!, planted.cityB!)).toEqual(['similar_name_same_city']);
      expect(reasonsOf(pairs, planted.elsewhereA!, planted.elsewhereB!)).toBeNull();
      expect(reasonsOf(pairs, planted.neighbourA!, planted.neighbourB!)).toBeNull();
      expect(pairs).toHaveLength(3);
      expect(pairs.map((pair) => pair.score)).toEqual(
        [...pairs.map((pair) => pair.score)].sort((a, b) => b - a),
      );
    });

    it('never proposes a dismissed pair again, and drops open pairs that no longer match', async () => {
      const pairs = await pairsOf(owner, 'contacts');
      const phonePair = pairs.find((pair) => reasonsOf([pair], planted.phone1!, planted.phone2!))!;
      const dismissed = await owner.ok<{ status: string }>(
        'POST',
        `/api/v1/duplicates/${phonePair.id}/dismiss`,
        {},
        200,
      );
      expect(dismissed.status).toBe('dismissed');
      expectProblem(await owner.post(`/api/v1/duplicates/${phonePair.id}/dismiss`, {}), 409);
      await owner.ok('PATCH', `/api/v1/contacts/${planted.same2!.id}`, {
        firstName: 'Mohammed',
        lastName: 'El Idrissi',
      });
      await scanNow(test, owner, ['contact']);
      const after = await pairsOf(owner, 'contacts');
      expect(reasonsOf(after, planted.phone1!, planted.phone2!)).toBeNull();
      expect(reasonsOf(after, planted.same1!, planted.same2!)).toBeNull();
      expect(after).toHaveLength(2);
      const gone = await pairsOf(owner, 'contacts', 'dismissed');
      expect(gone.map((pair) => pair.id)).toEqual([phonePair.id]);
    });

    it('pages through pairs by score with a cursor', async () => {
      const first = await owner.ok<{ data: Pair[]; nextCursor: string }>(
        'GET',
        '/api/v1/duplicates/accounts?limit=2',
      );
      expect(first.data).toHaveLength(2);
      const second = await owner.ok<{ data: Pair[]; nextCursor: string | null }>(
        'GET',
        `/api/v1/duplicates/accounts?limit=2&cursor=${first.nextCursor}`,
      );
      expect(second.data).toHaveLength(1);
      expect(second.nextCursor).toBeNull();
      expectProblem(await owner.get('/api/v1/duplicates/accounts?cursor=bm9wZQ'), 422, 'cursor');
    });

    it('refuses a second scan while one is queued, and viewers altogether', async () => {
      await owner.ok('POST', '/api/v1/duplicates/scan', {}, 202);
      expectProblem(await owner.post('/api/v1/duplicates/scan', {}), 409);
      await drainScans(test);
      const viewer = await addMember(test.app, owner, 'viewer');
      expectProblem(await viewer.post('/api/v1/duplicates/scan', {}), 403);
      expectProblem(
        await viewer.post('/api/v1/duplicates/0190a000-0000-7000-8000-000000000000/dismiss', {}),
        403,
      );
    });
  });

  describe('checks before saving', () => {
    it('warns about a contact with the same email key, phone or name at the company', async () => {
      const account = await createAccount(owner, { name: `Check ${unique()}` });
      const existing = await createContact(owner, {
        firstName: 'Fatma',
        lastName: 'Öztürk',
        email: 'fatma.ozturk@gmail.com',
        mobile: '+31 6 2345 6789',
        accountId: account.id,
      });
      const check = (query: Record<string, string>) =>
        owner.ok<{
          data: { record: { id: string }; reasons: { code: string }[]; score: number; exact: boolean }[];
        }>('GET', `/api/v1/contacts/duplicates-check?${new URLSearchParams(query)}`);
      const byEmail = await check({ firstName: 'F', email: ' Fatma.Ozturk+crm@GMAIL.com' });
      expect(byEmail.data.map((match) => [match.record.id, match.reasons[0]!.code, match.exact])).toEqual([
        [existing.id, 'same_email', true],
      ]);
      const byPhone = await check({ lastName: 'Anders', phone: '0031623456789' });
      expect(byPhone.data[0]!.reasons.map((reason) => reason.code)).toEqual(['same_phone']);
      // Accents are folded: Ozturk is Öztürk.
      const byName = await check({ firstName: 'fatma', lastName: 'Ozturk', accountId: account.id });
      expect(byName.data[0]!.reasons[0]!.code).toBe('same_name_same_account');
      const similar = await check({ firstName: 'Fatima', lastName: 'Öztürk', accountId: account.id });
      expect(similar.data[0]!.reasons[0]!.code).toBe('similar_name_same_account');
      expect((await check({ firstName: 'Fatma', lastName: 'Öztürk' })).data).toEqual([]);
    });

    it('checks a whole batch in one call, as the import does, each record with its own matches', async () => {
      const account = await createAccount(owner, { name: `Batch ${unique()}` });
      const known = await createContact(owner, {
        firstName: 'Sem',
        lastName: 'Mulder',
        email: 'sem.mulder@example.org',
        accountId: account.id,
      });
      const me = await owner.ok<{ workspace: { id: string } }>('GET', '/api/v1/auth/me');
      const found = await likelyContactDuplicates(test.ctx.db, me.workspace.id, [
        { firstName: 'Iemand', lastName: 'Anders', email: 'iemand.anders@example.org' },
        { firstName: 'S.', email: 'Sem.Mulder+import@example.org' },
        { firstName: 'Sem', lastName: 'Mulders', accountId: account.id },
      ]);
      expect(found.map((matches) => matches.map((match) => [match.id, match.reasons[0]!.code]))).toEqual([
        [],
        [[known.id, 'same_email']],
        [[known.id, 'similar_name_same_account']],
      ]);
    });

    it('warns about an account with the same domain, KvK number or name', async () => {
      const name = `Zeilmakerij ${unique()}`;
      const existing = await createAccount(owner, { name, domain: 'zeilmakerij.nl', kvkNumber: '87654321' });
      const check = (query: Record<string, string>) =>
        owner.ok<{ data: { record: { id: string }; reasons: { code: string }[] }[] }>(
          'GET',
          `/api/v1/accounts/duplicates-check?${new URLSearchParams(query)}`,
        );
      const codes = async (query: Record<string, string>) =>
        (await check(query)).data.map((match) => [
          match.record.id,
          match.reasons.map((reason) => reason.code),
        ]);
      expect(await codes({ name: 'Iets anders', website: 'https://www.Zeilmakerij.nl/contact' })).toEqual([
        [existing.id, ['same_domain']],
      ]);
      expect(await codes({ name: 'Iets anders', kvkNumber: '8765 4321' })).toEqual([
        [existing.id, ['same_kvk']],
      ]);
      expect(await codes({ name: ` ${name.toUpperCase()} ` })).toEqual([[existing.id, ['same_name']]]);
      expect(await codes({ name: 'Nog iets anders' })).toEqual([]);
    });
  });
});
