import type { Contact } from '@baken/core/contacts/contact.schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, expectProblem } from '../../test/factories.ts';
import { type Client, createTestApp, setUpOwner, type TestApp, uniqueEmail } from '../../test/harness.ts';

const CONTACTS = '/api/v1/contacts';

describe('contacts: validation and normalisation on write', () => {
  let test: TestApp;
  let owner: Client;

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
  });
  afterAll(() => test.close());

  it("stores phone numbers in E.164, national ones read in the workspace's country", async () => {
    const contact = await owner.ok<Contact>('POST', CONTACTS, {
      lastName: 'Jansen',
      phone: '+31 (0)20 123 4567',
      mobile: '06-12345678',
    });
    expect(contact).toMatchObject({ phone: '+31201234567', mobile: '+31612345678' });
    await owner.ok('PATCH', '/api/v1/workspace', { defaultCountry: 'BE' });
    try {
      const changed = await owner.ok<Contact>('PATCH', `${CONTACTS}/${contact.id}`, {
        mobile: '0470 12 34 56',
        phone: '0031 20 123 4567',
      });
      expect(changed).toMatchObject({ phone: '+31201234567', mobile: '+32470123456' });
    } finally {
      await owner.ok('PATCH', '/api/v1/workspace', { defaultCountry: 'NL' });
    }
  });

  it('takes the bare address out of a pasted "Name <address>" or mailto: link', async () => {
    const email = uniqueEmail('plak');
    const named = await createContact(owner, { email: `Jan de Vries <${email.toUpperCase()}>` });
    expect(named.email).toBe(email);
    const other = uniqueEmail('mailto');
    expect((await createContact(owner, { email: `mailto:${other}` })).email).toBe(other);
  });

  it('answers 422 on phone and mobile for numbers that are not valid, and stores nothing', async () => {
    const response = await owner.post(CONTACTS, {
      lastName: 'Nummerfout',
      phone: '12345',
      mobile: '+31 6 1234',
    });
    expectProblem(response, 422, 'phone');
    expectProblem(response, 422, 'mobile');
    const found = await owner.ok<{ data: Contact[] }>('GET', `${CONTACTS}?q=Nummerfout`);
    expect(found.data).toEqual([]);
  });

  it('reports the workspace default country in /auth/me and refuses one that is no country code', async () => {
    const me = await owner.ok<{ workspace: { defaultCountry: string } }>('GET', '/api/v1/auth/me');
    expect(me.workspace.defaultCountry).toBe('NL');
    expectProblem(
      await owner.patch('/api/v1/workspace', { defaultCountry: 'Nederland' }),
      422,
      'defaultCountry',
    );
  });
});
