import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  type Client,
  createTestApp,
  PASSWORD,
  setUpOwner,
  type TestApp,
  tokenClient,
} from '../../test/harness.ts';

describe('first-run setup and sessions', () => {
  let test: TestApp;
  let owner: Client;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  it('says setup is needed only until the first workspace exists, and refuses a second setup', async () => {
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({
      setupNeeded: true,
    });
    owner = await setUpOwner(test.app, 'Eerste BV');
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({
      setupNeeded: false,
    });
    const again = await test.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { workspaceName: 'Tweede', name: 'Indringer', email: 'x@example.nl', password: PASSWORD },
    });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('creates the owner with the default pipeline and stores the password as argon2id', async () => {
    const me = await owner.ok<{ role: string; user: { email: string } }>('GET', '/api/v1/auth/me');
    expect(me.role).toBe('owner');
    const user = await test.ctx.db
      .selectFrom('users')
      .select('passwordHash')
      .where('email', '=', me.user.email)
      .executeTakeFirstOrThrow();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
    const pipelines = await owner.ok<{ data: { stages: unknown[] }[] }>('GET', '/api/v1/pipelines');
    expect(pipelines.data[0]!.stages).toHaveLength(8);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const me = await owner.ok<{ user: { email: string } }>('GET', '/api/v1/auth/me');
    const login = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: me.user.email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((candidate) => candidate.name === 'baken_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const me = await owner.ok<{ user: { email: string } }>('GET', '/api/v1/auth/me');
    const wrong = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: me.user.email, password: 'not the password' },
    });
    const unknown = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@example.nl', password: 'whatever' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('requires the CSRF header on cookie-authenticated writes, but not on reads or token writes', async () => {
    const cookie = owner.headers().cookie!;
    const withoutHeader = await test.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { cookie },
      payload: { name: 'CSRF BV' },
    });
    expect(withoutHeader.statusCode).toBe(403);
    const wrongHeader = await test.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { cookie, 'x-csrf-token': 'forged' },
      payload: { name: 'CSRF BV' },
    });
    expect(wrongHeader.statusCode).toBe(403);
    const list = await owner.ok<{ data: { name: string }[] }>('GET', '/api/v1/accounts');
    expect(list.data.map((account) => account.name)).not.toContain('CSRF BV');
    const token = await tokenClient(test.app, owner);
    expect((await token.post('/api/v1/accounts', { name: 'Token BV' })).statusCode).toBe(201);
  });

  it('signs out: the old cookie no longer works', async () => {
    const member = await addMember(test.app, owner, 'sales');
    expect((await member.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await member.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await member.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('asks for sign-in without a cookie or with a malformed token', async () => {
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/accounts' })).statusCode).toBe(401);
    const bad = await test.app.inject({
      method: 'GET',
      url: '/api/v1/accounts',
      headers: { authorization: 'Bearer nonsense' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ status: 401, title: 'Not signed in' });
  });

  it('changes the password only with the current one, and then signs out other sessions', async () => {
    const member = await addMember(test.app, owner, 'manager');
    const me = await member.ok<{ user: { email: string } }>('GET', '/api/v1/auth/me');
    const second = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: me.user.email, password: PASSWORD },
    });
    const secondCookie = `baken_session=${second.cookies.find((c) => c.name === 'baken_session')!.value}`;
    const refused = await member.patch('/api/v1/auth/me', { newPassword: 'Nieuw-wachtwoord-2027' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].field).toBe('currentPassword');
    await member.ok(
      'PATCH',
      '/api/v1/auth/me',
      { currentPassword: PASSWORD, newPassword: 'Nieuw-wachtwoord-2027', locale: 'en' },
      200,
    );
    expect((await member.get('/api/v1/auth/me')).statusCode).toBe(200);
    const other = await test.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: secondCookie },
    });
    expect(other.statusCode).toBe(401);
  });
});

describe('rate limits', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp({ BAKEN_LOGIN_RATE_LIMIT: '3', BAKEN_PUBLIC_RATE_LIMIT: '4' });
  });
  afterAll(() => test.close());

  it('limits login attempts per minute and answers 429 problem+json with Retry-After', async () => {
    const attempt = () =>
      test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'guess@example.nl', password: 'guess-guess' },
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('limits setup attempts too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { workspaceName: '' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 4).every((status) => status === 422)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
