import type { DataHealth } from '@baken/core/data-health/data-health.schema';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allPages,
  createAccount,
  createActivity,
  createContact,
  expectProblem,
  unique,
} from '../../test/factories.ts';
import {
  addMember,
  type Client,
  createTestApp,
  otherWorkspaceOwner,
  type TestApp,
} from '../../test/harness.ts';
import { scanNow } from '../duplicates/duplicate-test-helpers.ts';

describe('data health', () => {
  let test: TestApp;
  let owner: Client & { workspaceId: string };
  const ids: Record<string, string> = {};

  /** Writes a value as old data or a raw import may hold it: past the validators of the API. */
  const raw = (table: 'contacts' | 'accounts', id: string, column: string, value: unknown) =>
    sql`update ${sql.table(table)} set ${sql.ref(column)} = ${value} where id = ${id}`.execute(test.ctx.db);

  beforeAll(async () => {
    test = await createTestApp();
    owner = await otherWorkspaceOwner(test, `Gezondheid ${unique()}`);
    const full = await createAccount(owner, {
      name: 'Volledig BV',
      domain: 'volledig.nl',
      kvkNumber: '12345678',
      industryCode: '6201',
      postalCode: '1234 AB',
      country: 'NL',
    });
    const bare = await createAccount(owner, { name: 'Kaal BV', ownerId: null });
    const odd = await createAccount(owner, { name: 'Vreemd BV', domain: 'vreemd.nl', kvkNumber: '87654321' });
    await raw('accounts', odd.id, 'postal_code', '12345');
    await raw('accounts', odd.id, 'country', 'NL');
    await raw('accounts', odd.id, 'vat_number', 'BE0123456789');
    await raw('accounts', odd.id, 'kvk_number', '1234');
    Object.assign(ids, { full: full.id, bare: bare.id, odd: odd.id });

    const reachable = await createContact(owner, {
      email: 'eva@volledig.nl',
      phone: '+31 6 1234 5678',
      accountId: full.id,
    });
    const noEmail = await createContact(owner, {
      firstName: null,
      lastName: 'Zonder mail',
      phone: '+31 6 2345 6789',
      accountId: full.id,
    });
    const nothing = await createContact(owner, { firstName: null, lastName: 'Onbereikbaar' });
    const broken = await createContact(owner, {
      firstName: null,
      lastName: 'Kapot',
      email: 'kapot@volledig.nl',
      accountId: full.id,
    });
    await raw('contacts', broken.id, 'email', 'kapot at volledig');
    await raw('contacts', broken.id, 'mobile', '06 123');
    Object.assign(ids, {
      reachable: reachable.id,
      noEmail: noEmail.id,
      nothing: nothing.id,
      broken: broken.id,
    });
    // Two years old: one with a call six weeks ago (not stale), the others without any activity since.
    for (const id of [reachable.id, noEmail.id, nothing.id, broken.id])
      await raw('contacts', id, 'created_at', new Date(Date.now() - 730 * 86_400_000));
    await raw('accounts', full.id, 'created_at', new Date(Date.now() - 730 * 86_400_000));
    const call = await createActivity(owner, { type: 'call', contactId: reachable.id });
    await sql`update activities set occurred_at = ${new Date(Date.now() - 45 * 86_400_000)}, account_id = null
      where id = ${call.id}`.execute(test.ctx.db);
  });
  afterAll(() => test.close());

  const health = (query = '') => owner.ok<DataHealth>('GET', `/api/v1/data-health${query}`);
  const countOf = (answer: DataHealth, key: string) =>
    answer.metrics.find((metric) => metric.key === key)!.count;

  it('counts contacts missing key fields, with invalid values and without recent activity', async () => {
    const answer = await health();
    expect(answer.totals).toEqual({ contacts: 4, accounts: 3 });
    expect(answer.staleMonths).toBe(12);
    expect(
      Object.fromEntries(
        answer.metrics
          .filter((metric) => metric.recordType === 'contact')
          .map((metric) => [metric.key, metric.count]),
      ),
    ).toEqual({
      'contacts.missingEmail': 2,
      'contacts.missingPhone': 1,
      'contacts.unreachable': 1,
      'contacts.missingAccount': 1,
      'contacts.invalidEmail': 1,
      'contacts.invalidPhone': 1,
      'contacts.stale': 3,
    });
  });

  it('counts accounts missing domain, KvK, industry or owner, and invalid postcodes, VAT and KvK numbers', async () => {
    const answer = await health();
    expect(
      Object.fromEntries(
        answer.metrics
          .filter((metric) => metric.recordType === 'account')
          .map((metric) => [metric.key, metric.count]),
      ),
    ).toEqual({
      'accounts.missingDomain': 1,
      'accounts.missingKvk': 1,
      'accounts.missingIndustry': 2,
      'accounts.missingOwner': 1,
      'accounts.invalidEmail': 0,
      'accounts.invalidPhone': 0,
      'accounts.invalidPostcode': 1,
      'accounts.invalidVat': 1,
      'accounts.invalidKvk': 1,
      'accounts.stale': 1,
    });
  });

  it('gives list filters that open the list on exactly the counted set', async () => {
    const answer = await health();
    for (const metric of answer.metrics.filter((candidate) => candidate.filters)) {
      const path = metric.recordType === 'contact' ? '/api/v1/contacts' : '/api/v1/accounts';
      const { rows } = await allPages(owner, path, { filter: metric.filters! });
      expect(rows.length, metric.key).toBe(metric.count);
    }
  });

  it('lists the records of a metric a list cannot filter, a page at a time', async () => {
    const page = await owner.ok<{ data: { id: string; value: string | null }[]; nextCursor: string | null }>(
      'GET',
      '/api/v1/data-health/records?metric=contacts.invalidEmail',
    );
    expect(page).toEqual({
      data: [{ id: ids.broken, name: 'Kapot', value: 'kapot at volledig' }],
      nextCursor: null,
    });
    const stale = await owner.ok<{ data: { id: string }[]; nextCursor: string }>(
      'GET',
      '/api/v1/data-health/records?metric=contacts.stale&limit=2',
    );
    const rest = await owner.ok<{ data: { id: string }[]; nextCursor: string | null }>(
      'GET',
      `/api/v1/data-health/records?metric=contacts.stale&limit=2&cursor=${stale.nextCursor}`,
    );
    expect([...stale.data, ...rest.data].map((row) => row.id).sort()).toEqual(
      [ids.noEmail, ids.nothing, ids.broken].sort(),
    );
    expect(rest.nextCursor).toBeNull();
    expectProblem(await owner.get('/api/v1/data-health/records?metric=contacts.everything'), 422, 'metric');
  });

  it('takes the stale period as a number of months', async () => {
    expect(countOf(await health('?staleMonths=36'), 'contacts.stale')).toBe(0);
    expect(countOf(await health('?staleMonths=1'), 'contacts.stale')).toBe(4);
    expectProblem(await owner.get('/api/v1/data-health?staleMonths=0'), 422, 'staleMonths');
  });

  it('counts open duplicate pairs, and every role may read it', async () => {
    await createContact(owner, { firstName: 'Tweeling', email: 'tweeling.een@gmail.com' });
    await createContact(owner, { firstName: 'Tweeling', email: 'tweelingeen@gmail.com' });
    await scanNow(test, owner);
    const viewer = await addMember(test.app, owner, 'viewer');
    const answer = await viewer.ok<DataHealth>('GET', '/api/v1/data-health');
    expect(answer.duplicates).toEqual({ contacts: 1, accounts: 0 });
  });
});
