import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setUpOwner, type TestApp } from '../../test/harness.ts';

// Bad input of every sort gets a 4xx problem+json naming the field, and changes nothing.
describe('input validation', () => {
  let test: TestApp;
  let owner: Client;
  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
    await owner.ok('POST', '/api/v1/accounts', { name: 'Bestaand BV' });
  });
  afterAll(() => test.close());

  async function snapshot() {
    const [accounts, contacts, deals, audit] = await Promise.all(
      (['accounts', 'contacts', 'deals', 'auditLog'] as const).map((table) =>
        test.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .executeTakeFirstOrThrow(),
      ),
    );
    return [accounts, contacts, deals, audit].map((row) => Number(row!.count));
  }

  const cases: {
    name: string;
    method: 'POST' | 'PATCH' | 'GET';
    url: string;
    body?: unknown;
    field: string;
    status?: number;
  }[] = [
    {
      name: 'a missing required field',
      method: 'POST',
      url: '/api/v1/accounts',
      body: { domain: 'acme.nl' },
      field: 'name',
    },
    {
      name: 'a wrong type',
      method: 'POST',
      url: '/api/v1/accounts',
      body: { name: 'Acme', employeeCount: 'veel' },
      field: 'employeeCount',
    },
    {
      name: 'an unknown field',
      method: 'POST',
      url: '/api/v1/accounts',
      body: { name: 'Acme', revenu: 5 },
      field: 'revenu',
    },
    {
      name: 'an oversized string',
      method: 'POST',
      url: '/api/v1/accounts',
      body: { name: 'x'.repeat(301) },
      field: 'name',
    },
    {
      name: 'a malformed email',
      method: 'POST',
      url: '/api/v1/contacts',
      body: { email: 'jan@' },
      field: 'email',
    },
    {
      name: 'a fractional amount',
      method: 'POST',
      url: '/api/v1/deals',
      body: { name: 'Deal', amount: 10.5 },
      field: 'amount',
    },
    {
      name: 'a bad date',
      method: 'POST',
      url: '/api/v1/deals',
      body: { name: 'Deal', expectedCloseDate: '2026-13-45' },
      field: 'expectedCloseDate',
    },
    {
      name: 'an unknown enum value',
      method: 'POST',
      url: '/api/v1/activities',
      body: { type: 'fax' },
      field: 'type',
    },
    {
      name: 'a malformed cursor',
      method: 'GET',
      url: '/api/v1/accounts?cursor=not-a-cursor',
      field: 'cursor',
    },
    {
      name: 'an unknown query parameter',
      method: 'GET',
      url: '/api/v1/accounts?colour=red',
      field: 'colour',
    },
    { name: 'a limit out of range', method: 'GET', url: '/api/v1/accounts?limit=5000', field: 'limit' },
    {
      name: 'an unknown filter field',
      method: 'GET',
      url: '/api/v1/accounts?filter=colour:eq:red',
      field: 'filter',
    },
    { name: 'a malformed id', method: 'GET', url: '/api/v1/accounts/123', field: 'id' },
    { name: 'a search on a list without search', method: 'GET', url: '/api/v1/activities?q=bel', field: 'q' },
  ];

  for (const testCase of cases) {
    it(`answers ${testCase.name} with 422 problem+json naming ${testCase.field}, changing nothing`, async () => {
      const before = await snapshot();
      const response = await owner.request(testCase.method, testCase.url, testCase.body);
      expect(response.statusCode, response.body).toBe(testCase.status ?? 422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json();
      expect(problem).toMatchObject({
        status: 422,
        title: 'Invalid input',
        type: 'urn:baken:problem:invalid',
      });
      expect(problem.errors.map((error: { field: string }) => error.field)).toContain(testCase.field);
      expect(problem.errors[0].message.length).toBeGreaterThan(3);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('answers broken JSON with 400 and a non-JSON content type with 415', async () => {
    const headers = {
      ...owner.headers(),
      'x-csrf-token': (await owner.ok<{ csrfToken: string }>('GET', '/api/v1/auth/me')).csrfToken,
    };
    const broken = await test.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"name": "Acme"',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
    const wrongType = await test.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { ...headers, 'content-type': 'text/plain' },
      payload: 'name=Acme',
    });
    expect(wrongType.statusCode).toBe(415);
  });

  it('answers a body over the size limit with 413', async () => {
    const response = await owner.post('/api/v1/accounts', {
      name: 'Groot',
      description: 'x'.repeat(1_100_000),
    });
    expect(response.statusCode).toBe(413);
  });

  it('rolls back the whole write when a later step fails (unknown custom field after tags)', async () => {
    const before = await snapshot();
    const tagsBefore = (await owner.ok<{ data: unknown[] }>('GET', '/api/v1/tags')).data.length;
    const response = await owner.post('/api/v1/accounts', {
      name: 'Half BV',
      tags: ['Nieuw-label'],
      custom: { onbekend: 1 },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].field).toBe('custom.onbekend');
    expect(await snapshot()).toEqual(before);
    expect((await owner.ok<{ data: unknown[] }>('GET', '/api/v1/tags')).data.length).toBe(tagsBefore);
  });
});
