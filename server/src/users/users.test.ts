import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  type Client,
  createTestApp,
  PASSWORD,
  setUpOwner,
  type TestApp,
  tokenClient,
  uniqueEmail,
} from '../../test/harness.ts';

describe('roles, invitations and API tokens', () => {
  let test: TestApp;
  let owner: Client;
  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
  });
  afterAll(() => test.close());

  it('lets a viewer read everything and write nothing', async () => {
    const account = await owner.ok<{ id: string }>('POST', '/api/v1/accounts', { name: 'Leesbaar BV' });
    const viewer = await addMember(test.app, owner, 'viewer');
    expect((await viewer.get(`/api/v1/accounts/${account.id}`)).statusCode).toBe(200);
    const writes: [string, string, unknown][] = [
      ['POST', '/api/v1/accounts', { name: 'Nee BV' }],
      ['PATCH', `/api/v1/accounts/${account.id}`, { name: 'Anders' }],
      ['DELETE', `/api/v1/accounts/${account.id}`, undefined],
      ['POST', '/api/v1/contacts', { lastName: 'Nee' }],
      ['POST', '/api/v1/deals', { name: 'Nee' }],
      ['POST', '/api/v1/activities', { type: 'note', body: 'nee' }],
      ['POST', '/api/v1/tags', { name: 'nee' }],
      ['POST', '/api/v1/custom-fields', { recordType: 'deal', key: 'nee', label: 'Nee', type: 'text' }],
      ['POST', '/api/v1/pipelines', { name: 'Nee', stages: [{ name: 'A', probability: 10 }] }],
      ['POST', '/api/v1/invitations', { email: uniqueEmail(), role: 'viewer' }],
      ['PATCH', '/api/v1/workspace', { name: 'Nee' }],
    ];
    for (const [method, url, body] of writes) {
      const response = await viewer.request(method as 'POST', url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await owner.ok<{ name: string }>('GET', `/api/v1/accounts/${account.id}`)).name).toBe(
      'Leesbaar BV',
    );
  });

  it('lets a sales rep change their own records but not a colleague’s; a manager changes all', async () => {
    const rep = await addMember(test.app, owner, 'sales');
    const colleague = await addMember(test.app, owner, 'sales');
    const manager = await addMember(test.app, owner, 'manager');
    const mine = await rep.ok<{ id: string; ownerId: string }>('POST', '/api/v1/contacts', {
      lastName: 'Mijn',
    });
    expect(mine.ownerId).toBe(rep.userId);
    const theirs = await colleague.ok<{ id: string }>('POST', '/api/v1/contacts', { lastName: 'Hun' });
    expect((await rep.patch(`/api/v1/contacts/${mine.id}`, { jobTitle: 'Inkoper' })).statusCode).toBe(200);
    expect((await rep.patch(`/api/v1/contacts/${theirs.id}`, { jobTitle: 'Inkoper' })).statusCode).toBe(403);
    expect((await rep.delete(`/api/v1/contacts/${theirs.id}`)).statusCode).toBe(403);
    expect((await manager.patch(`/api/v1/contacts/${theirs.id}`, { jobTitle: 'Directeur' })).statusCode).toBe(
      200,
    );
  });

  it('keeps user management to admins and owner roles to owners', async () => {
    const admin = await addMember(test.app, owner, 'admin');
    const rep = await addMember(test.app, owner, 'sales');
    expect((await rep.post('/api/v1/invitations', { email: uniqueEmail(), role: 'sales' })).statusCode).toBe(
      403,
    );
    expect(
      (await admin.post('/api/v1/invitations', { email: uniqueEmail(), role: 'owner' })).statusCode,
    ).toBe(403);
    const promoted = await admin.ok<{ role: string }>(
      'PATCH',
      `/api/v1/users/${rep.userId}`,
      { role: 'manager' },
      200,
    );
    expect(promoted.role).toBe('manager');
    const me = await owner.ok<{ user: { id: string } }>('GET', '/api/v1/auth/me');
    expect((await admin.patch(`/api/v1/users/${me.user.id}`, { role: 'viewer' })).statusCode).toBe(403);
    const lastOwner = await owner.patch(`/api/v1/users/${me.user.id}`, { role: 'admin' });
    expect(lastOwner.statusCode).toBe(409);
  });

  it('accepts an invitation once, for an existing account only with its password', async () => {
    const email = uniqueEmail('invitee');
    const invitation = await owner.ok<{ token: string; url: string }>('POST', '/api/v1/invitations', {
      email,
      role: 'marketing',
    });
    expect(invitation.url).toContain(invitation.token);
    const preview = await test.app.inject({
      method: 'GET',
      url: `/api/v1/invitations/preview?token=${invitation.token}`,
    });
    expect(preview.json()).toMatchObject({ email, role: 'marketing', hasAccount: false });
    const accept = () =>
      test.app.inject({
        method: 'POST',
        url: '/api/v1/invitations/accept',
        payload: { token: invitation.token, name: 'Mila', password: PASSWORD },
      });
    expect((await accept()).statusCode).toBe(201);
    expect((await accept()).statusCode).toBe(404);
    const forged = `${invitation.token.slice(0, -4)}AAAA`;
    const wrong = await test.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token: forged, password: PASSWORD },
    });
    expect(wrong.statusCode).toBe(404);
  });

  it("keeps the invitee's browser language and time zone on the new account", async () => {
    const email = uniqueEmail('engels');
    const invitation = await owner.ok<{ token: string }>('POST', '/api/v1/invitations', {
      email,
      role: 'sales',
    });
    const accepted = await test.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: {
        token: invitation.token,
        name: 'Amy',
        password: PASSWORD,
        locale: 'en',
        timeZone: 'Europe/London',
      },
    });
    expect(accepted.statusCode).toBe(201);
    const cookie = accepted.cookies.find((candidate) => candidate.name === 'baken_session')!;
    const me = await test.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `baken_session=${cookie.value}` },
    });
    expect(me.json().user).toMatchObject({ locale: 'en', timeZone: 'Europe/London' });
  });

  it('refuses a revoked invitation', async () => {
    const invitation = await owner.ok<{ id: string; token: string }>('POST', '/api/v1/invitations', {
      email: uniqueEmail(),
      role: 'sales',
    });
    await owner.ok('DELETE', `/api/v1/invitations/${invitation.id}`);
    const accept = await test.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token: invitation.token, name: 'Te laat', password: PASSWORD },
    });
    expect(accept.statusCode).toBe(404);
  });

  it('lets a read token read but not write, and refuses a token once revoked', async () => {
    const reader = await tokenClient(test.app, owner, 'read');
    expect((await reader.get('/api/v1/accounts')).statusCode).toBe(200);
    const write = await reader.post('/api/v1/accounts', { name: 'Via leestoken' });
    expect(write.statusCode).toBe(403);
    const writer = await tokenClient(test.app, owner, 'read_write');
    expect((await writer.post('/api/v1/accounts', { name: 'Via token' })).statusCode).toBe(201);
    await owner.ok('DELETE', `/api/v1/api-tokens/${writer.tokenId}`);
    const revoked = await writer.get('/api/v1/accounts');
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().detail).toContain('revoked');
  });

  it('never shows a token secret again after creating it', async () => {
    const created = await owner.ok<{ token: string }>('POST', '/api/v1/api-tokens', {
      name: 'Zapier',
      scope: 'read',
    });
    const list = await owner.get('/api/v1/api-tokens');
    expect(list.body).not.toContain(created.token.split('_').at(-1));
  });

  it('removes a member: their sessions stop working and their records keep existing without owner', async () => {
    const rep = await addMember(test.app, owner, 'sales');
    const contact = await rep.ok<{ id: string }>('POST', '/api/v1/contacts', { lastName: 'Blijft' });
    await owner.ok('DELETE', `/api/v1/users/${rep.userId}`);
    expect((await rep.get('/api/v1/contacts')).statusCode).toBe(401);
    const kept = await owner.ok<{ ownerId: string | null }>('GET', `/api/v1/contacts/${contact.id}`);
    expect(kept.ownerId).toBeNull();
  });

  it('writes an audit row for each of these changes', async () => {
    const log = await owner.ok<{ data: { entityType: string; action: string }[] }>(
      'GET',
      '/api/v1/audit-log?limit=200',
    );
    const kinds = new Set(log.data.map((entry) => `${entry.entityType}:${entry.action}`));
    for (const kind of [
      'membership:create',
      'membership:update',
      'membership:delete',
      'invitation:create',
      'invitation:delete',
      'api_token:create',
      'api_token:delete',
    ]) {
      expect(kinds).toContain(kind);
    }
    const rep = await addMember(test.app, owner, 'sales');
    expect((await rep.get('/api/v1/audit-log')).statusCode).toBe(403);
  });
});
