import type { Account } from '@baken/core/accounts/account.schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, expectProblem } from '../../test/factories.ts';
import { type Client, createTestApp, setUpOwner, type TestApp } from '../../test/harness.ts';

const ACCOUNTS = '/api/v1/accounts';

interface Problem {
  detail: string;
  errors: { field: string; message: string }[];
}

describe('accounts: validation and normalisation on write', () => {
  let test: TestApp;
  let owner: Client;

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
  });
  afterAll(() => test.close());

  it('stores what was typed or pasted in its normal form', async () => {
    const account = await owner.ok<Account>('POST', ACCOUNTS, {
      name: 'Bakkerij Brood & Banket',
      country: 'nl',
      phone: '020-123 45 67',
      email: 'Bakkerij <Info@Brood.NL>',
      domain: 'https://shop.brood.nl/winkel',
      website: 'www.brood.nl',
      postalCode: '1234ab',
      kvkNumber: ' KvK: 12.34.56.78 ',
      vatNumber: 'nl 004495445 b01',
      industryCode: '10.71',
    });
    expect(account).toMatchObject({
      country: 'NL',
      phone: '+31201234567',
      email: 'info@brood.nl',
      domain: 'brood.nl',
      website: 'https://www.brood.nl',
      postalCode: '1234 AB',
      kvkNumber: '12345678',
      vatNumber: 'NL004495445B01',
      industryCode: '1071',
    });
    expect(await owner.ok('GET', `${ACCOUNTS}/${account.id}`)).toEqual(account);
  });

  it("reads a national phone number in the account's own country", async () => {
    const account = await createAccount(owner, {
      country: 'BE',
      phone: '02 555 12 34',
      postalCode: 'B-2000',
    });
    expect(account).toMatchObject({ phone: '+3225551234', postalCode: '2000' });
    const changed = await owner.ok<Account>('PATCH', `${ACCOUNTS}/${account.id}`, { phone: '0470 12 34 56' });
    expect(changed.phone).toBe('+32470123456');
  });

  it("reads a national phone number in the workspace's default country when the account has none", async () => {
    expect((await createAccount(owner, { phone: '06 1234 5678' })).phone).toBe('+31612345678');
    await owner.ok('PATCH', '/api/v1/workspace', { defaultCountry: 'be' });
    try {
      expect((await createAccount(owner, { phone: '0470 12 34 56' })).phone).toBe('+32470123456');
      expect((await createAccount(owner, { country: 'NL', phone: '06 1234 5678' })).phone).toBe(
        '+31612345678',
      );
    } finally {
      await owner.ok('PATCH', '/api/v1/workspace', { defaultCountry: 'NL' });
    }
  });

  it('keeps a phone extension', async () => {
    expect((await createAccount(owner, { country: 'NL', phone: '020 123 4567 x12' })).phone).toBe(
      '+31201234567;ext=12',
    );
  });

  it('answers 422 naming every field that is wrong, and stores nothing', async () => {
    const response = await owner.post(ACCOUNTS, {
      name: 'Fout BV',
      country: 'NL',
      phone: '12345',
      postalCode: '1234 SS',
      domain: 'fout.local',
      industryCode: '04.11',
    });
    expectProblem(response, 422);
    const problem = response.json() as Problem;
    expect(problem.errors).toEqual([
      {
        field: 'domain',
        message: 'Enter a domain such as acme.nl; "fout.local" has no public domain ending.',
      },
      {
        field: 'phone',
        message:
          'Not a valid phone number for NL: "12345". Numbers of other countries start with + and the country code.',
      },
      { field: 'postalCode', message: 'Use a Dutch postcode such as 1234 AB; "1234 SS" is not one.' },
      {
        field: 'industryCode',
        message: 'Use an SBI code such as 62.01 (software development); "04.11" is not one.',
      },
    ]);
    expect(problem.detail).toMatch(/^The body has 4 errors: domain: /);
    const found = await owner.ok<{ data: Account[] }>('GET', `${ACCOUNTS}?q=Fout`);
    expect(found.data).toEqual([]);
  });

  it.each([
    ['vatNumber', 'NL123456789B90'],
    ['vatNumber', 'BE0403170702'],
    ['kvkNumber', 'KvK 1234567'],
    ['email', 'Jan <jan@>'],
    ['website', 'http://localhost:3000'],
    ['domain', 'localhost'],
  ])('refuses a wrong %s (%j) with 422 on that field', async (field, value) => {
    expectProblem(await owner.post(ACCOUNTS, { name: 'Fout BV', [field]: value }), 422, field);
  });

  it('checks the stored postcode again when the country changes', async () => {
    const account = await createAccount(owner, { country: 'NL', postalCode: '3511 AB' });
    expectProblem(await owner.patch(`${ACCOUNTS}/${account.id}`, { country: 'BE' }), 422, 'postalCode');
    const moved = await owner.ok<Account>('PATCH', `${ACCOUNTS}/${account.id}`, {
      country: 'BE',
      postalCode: '9000',
    });
    expect(moved).toMatchObject({ country: 'BE', postalCode: '9000' });
    const abroad = await owner.ok<Account>('PATCH', `${ACCOUNTS}/${account.id}`, { country: 'DE' });
    expect(abroad.postalCode).toBe('9000');
  });

  it('keeps postcodes of other countries as typed, trimmed', async () => {
    expect((await createAccount(owner, { country: 'GB', postalCode: ' SW1A 1AA ' })).postalCode).toBe(
      'SW1A 1AA',
    );
  });

  it('clears a field sent empty', async () => {
    const account = await createAccount(owner, { country: 'NL', phone: '0201234567', industryCode: '6201' });
    const cleared = await owner.ok<Account>('PATCH', `${ACCOUNTS}/${account.id}`, {
      phone: '',
      industryCode: '',
    });
    expect(cleared).toMatchObject({ phone: null, industryCode: null });
  });

  it('writes no audit row when a patch sends a stored value in another form', async () => {
    const account = await createAccount(owner, {
      country: 'NL',
      phone: '+31201234567',
      postalCode: '1234 AB',
    });
    const same = await owner.ok<Account>('PATCH', `${ACCOUNTS}/${account.id}`, {
      phone: '020 123 4567',
      postalCode: '1234ab',
    });
    expect(same.updatedAt).toBe(account.updatedAt);
  });
});

describe('GET /industry-codes', () => {
  let test: TestApp;
  let owner: Client;

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
  });
  afterAll(() => test.close());

  type Codes = { data: { code: string; nl: string; en: string }[] };

  it('finds codes by their start, with or without dots', async () => {
    const { data } = await owner.ok<Codes>('GET', '/api/v1/industry-codes?q=62.0');
    expect(data.map((entry) => entry.code)).toEqual(['6201', '6202', '6203', '6209']);
    expect(data[0]).toEqual({
      code: '6201',
      nl: 'Ontwikkelen, produceren en uitgeven van software',
      en: 'Computer programming and software development',
    });
  });

  it('finds codes by words of the Dutch or English title, 20 at most', async () => {
    const byWord = await owner.ok<Codes>('GET', '/api/v1/industry-codes?q=installatie');
    expect(byWord.data.map((entry) => entry.code)).toContain('4321');
    const many = await owner.ok<Codes>('GET', '/api/v1/industry-codes?q=van');
    expect(many.data).toHaveLength(20);
    const fewer = await owner.ok<Codes>('GET', '/api/v1/industry-codes?q=van&limit=3');
    expect(fewer.data).toHaveLength(3);
  });

  it('answers 422 for a limit out of range and 401 without signing in', async () => {
    expectProblem(await owner.get('/api/v1/industry-codes?limit=0'), 422);
    const anonymous = await test.app.inject({ method: 'GET', url: '/api/v1/industry-codes?q=62' });
    expect(anonymous.statusCode).toBe(401);
  });
});
