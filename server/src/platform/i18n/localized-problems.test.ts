import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setUpOwner, type TestApp, tokenClient } from '../../../test/harness.ts';

describe('problems in the language of the request', () => {
  let test: TestApp;
  let token: Client;
  beforeAll(async () => {
    test = await createTestApp();
    token = await tokenClient(test.app, await setUpOwner(test.app));
  });
  afterAll(() => test.close());

  const send = (method: 'GET' | 'POST', url: string, language: string | undefined, payload?: unknown) =>
    test.app.inject({
      method,
      url,
      headers: { ...token.headers(), ...(language ? { 'accept-language': language } : {}) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it("answers a request's validation errors in Dutch, zod's own messages included", async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.8' },
      payload: { email: 'sanne@example.nl', colour: 'blue' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-language']).toBe('nl');
    const problem = response.json();
    expect(problem.title).toBe('Ongeldige invoer');
    expect(problem.detail).toMatch(/^De inhoud bevat 2 fouten: /);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'password', message: expect.stringMatching(/^Ongeldige invoer: verwacht string/) },
        { field: 'colour', message: 'Onbekend veld: laat het weg of controleer de spelling.' },
      ]),
    );
  });

  it('answers in English without Accept-Language, and for languages it does not speak', async () => {
    for (const language of [undefined, 'fr-FR']) {
      const response = await send('POST', '/api/v1/contacts', language, { email: 'geen-adres' });
      expect(response.headers['content-language']).toBe('en');
      expect(response.json().errors).toEqual([
        { field: 'email', message: 'Enter a valid email address, like name@company.nl.' },
      ]);
    }
  });

  it("translates the services' own refusals, with the field they name", async () => {
    const contact = await send('POST', '/api/v1/contacts', 'nl', { email: 'geen-adres' });
    expect(contact.json().errors).toEqual([
      { field: 'email', message: 'Vul een geldig e-mailadres in, zoals naam@bedrijf.nl.' },
    ]);
    const deal = await send('POST', '/api/v1/deals', 'nl', {
      name: 'Fietsen',
      pipelineId: '0190a000-0000-7000-8000-000000000000',
    });
    expect(deal.statusCode).toBe(422);
    expect(deal.json()).toMatchObject({
      detail: 'pipelineId: Deze pijplijn bestaat niet in deze werkruimte.',
      errors: [{ field: 'pipelineId', message: 'Deze pijplijn bestaat niet in deze werkruimte.' }],
    });
    const phone = await send('POST', '/api/v1/contacts', 'nl', { lastName: 'Jansen', phone: '12345' });
    expect(phone.statusCode).toBe(422);
    expect(phone.json().detail).toMatch(
      /^De inhoud bevat een fout: phone: Geen geldig telefoonnummer voor NL/,
    );
    const missing = await send('GET', '/api/v1/deals/0190a000-0000-7000-8000-000000000000', 'nl');
    expect(missing.json()).toMatchObject({
      status: 404,
      title: 'Niet gevonden',
      detail: 'Deal niet gevonden.',
    });
  });

  it('tells a visitor who is not signed in so, in Dutch', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/v1/contacts',
      headers: { 'accept-language': 'nl' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({
      title: 'Niet ingelogd',
      detail: 'Log eerst in, of stuur een API-token als "Authorization: Bearer <token>".',
    });
  });
});
