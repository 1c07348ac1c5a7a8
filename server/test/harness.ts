import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { type BuildAppOptions, buildApp } from '../src/app.ts';
import { hashPassword } from '../src/platform/auth/secrets.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { AppContext } from '../src/platform/context.ts';
import type { Database } from '../src/platform/db/database.ts';
import { createWorkspaceWithOwner } from '../src/workspaces/workspaces.service.ts';
import { openTestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  close(): Promise<void>;
}

/** The real app on a fresh database of the engine under test; `env` overrides configuration. */
export async function createTestApp(
  env: Record<string, string> = {},
  options: BuildAppOptions = {},
): Promise<TestApp> {
  return appOn(await openTestDatabase(), env, options);
}

/** The real app over a given database; closing it closes the database. */
export async function appOn(
  database: Database,
  env: Record<string, string> = {},
  options: BuildAppOptions = {},
): Promise<TestApp> {
  // Enrichment providers off unless a test switches them on: no test may reach a site on the internet.
  const config = loadConfig({
    BAKEN_LOGIN_RATE_LIMIT: '1000',
    BAKEN_PUBLIC_RATE_LIMIT: '1000',
    BAKEN_ENRICHMENT_PROVIDERS: 'none',
    ...env,
  });
  const ctx: AppContext = {
    db: database.db,
    engine: database.engine,
    config,
    now: () => new Date(),
    newId: () => uuidv7(),
  };
  const app = await buildApp(ctx, { logger: false, ...options });
  await app.ready();
  return {
    app,
    ctx,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export type Response = LightMyRequestResponse & { body: string };

/**
 * Writes that leave no audit row by design: signing in and out and accepting an invitation
 * (sessions are rows of their own), a preview that only reads, and behaviour events (append-only
 * data in their own table, at tracking volumes; they change no record).
 */
export const unaudited =
  /\/auth\/(login|logout)$|\/invitations\/accept$|\/scoring-model\/preview$|\/contacts\/[^/]+\/events$|\/notifications\/read$/;

/** A signed-in user (session cookie + CSRF header) or an API token, speaking to the app over inject. */
export class Client {
  constructor(
    readonly app: FastifyInstance,
    private readonly auth: { cookie?: string; csrf?: string; token?: string } = {},
  ) {}

  headers(): Record<string, string> {
    if (this.auth.token) return { authorization: `Bearer ${this.auth.token}` };
    return this.auth.cookie ? { cookie: this.auth.cookie } : {};
  }

  async request(method: InjectOptions['method'], url: string, payload?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.auth.cookie) headers.cookie = this.auth.cookie;
    if (this.auth.csrf && method !== 'GET') headers['x-csrf-token'] = this.auth.csrf;
    if (this.auth.token) headers.authorization = `Bearer ${this.auth.token}`;
    const send = async () =>
      (await this.app.inject({
        method,
        url,
        headers,
        ...(payload !== undefined ? { payload: payload as object } : {}),
      })) as Response;
    if (method === 'GET' || method === 'HEAD' || unaudited.test(url)) return send();
    return withAuditCheck(this, method, url, send);
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  put = (url: string, body: unknown) => this.request('PUT', url, body);
  delete = (url: string) => this.request('DELETE', url);

  /** JSON body of a request that must succeed with `status`. */
  async ok<T = Record<string, unknown>>(
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    status?: number,
  ): Promise<T> {
    const response = await this.request(method, url, payload);
    const expected = status ?? (method === 'POST' ? 201 : method === 'DELETE' ? 204 : 200);
    if (response.statusCode !== expected) {
      throw new Error(`${method} ${url}: expected ${expected}, got ${response.statusCode}: ${response.body}`);
    }
    return (response.body ? JSON.parse(response.body) : null) as T;
  }
}

function cookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((candidate) => candidate.name === 'baken_session');
  if (!cookie) throw new Error(`no session cookie: ${response.statusCode} ${response.body}`);
  return `baken_session=${cookie.value}`;
}

/** Signs in with a session cookie and fetches the CSRF token, as the web app does. */
export async function sessionClient(app: FastifyInstance, response: LightMyRequestResponse): Promise<Client> {
  const cookie = cookieOf(response);
  const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
  return new Client(app, { cookie, csrf: me.json().csrfToken });
}

let counter = 0;
export const uniqueEmail = (name = 'user') => `${name}.${Date.now()}.${counter++}@example.nl`;
export const PASSWORD = 'Tulpen-in-de-lente-2026';

/** First-run setup: the owner of a new workspace, signed in. */
export async function setUpOwner(app: FastifyInstance, workspaceName = 'Test BV'): Promise<Client> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    payload: { workspaceName, name: 'Eva de Vries', email: uniqueEmail('owner'), password: PASSWORD },
  });
  return sessionClient(app, response);
}

/** Invites someone with `role` and accepts the invitation: a member of the owner's workspace, signed in. */
export async function addMember(
  app: FastifyInstance,
  owner: Client,
  role: string,
  email = uniqueEmail(role),
): Promise<Client & { userId: string }> {
  const invitation = await owner.ok<{ token: string }>('POST', '/api/v1/invitations', { email, role });
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/invitations/accept',
    payload: { token: invitation.token, name: `${role} user`, password: PASSWORD },
  });
  const client = await sessionClient(app, response);
  return Object.assign(client, { userId: response.json().userId as string });
}

/** An API token of `client`'s user with the given scope. */
export async function tokenClient(
  app: FastifyInstance,
  client: Client,
  scope: 'read' | 'read_write' = 'read_write',
): Promise<Client & { tokenId: string }> {
  const created = await client.ok<{ id: string; token: string }>('POST', '/api/v1/api-tokens', {
    name: `test ${scope}`,
    scope,
  });
  return Object.assign(new Client(app, { token: created.token }), { tokenId: created.id });
}

/**
 * A second (third, ...) workspace with its own owner, signed in. First-run setup only works once per
 * database, so this writes through the same service function that setup uses.
 */
export async function otherWorkspaceOwner(
  test: TestApp,
  workspaceName: string,
): Promise<Client & { workspaceId: string }> {
  const email = uniqueEmail('other-owner');
  const passwordHash = await hashPassword(PASSWORD);
  const { workspaceId } = await test.ctx.db
    .transaction()
    .execute((trx) =>
      createWorkspaceWithOwner(
        test.ctx,
        trx,
        { workspaceName, name: 'Other Owner', email, password: PASSWORD },
        passwordHash,
      ),
    );
  const response = await test.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: PASSWORD },
  });
  return Object.assign(await sessionClient(test.app, response), { workspaceId });
}

async function auditRowCount(app: FastifyInstance): Promise<number> {
  const row = await app.ctx.db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Every successful write in every test must leave an audit row: the harness checks it on each request.
 * A PATCH that changes nothing (the record reads the same before and after) needs none.
 */
async function withAuditCheck(
  client: Client,
  method: InjectOptions['method'],
  url: string,
  send: () => Promise<Response>,
): Promise<Response> {
  const before = await auditRowCount(client.app);
  const recordBefore =
    method === 'PATCH'
      ? (await client.app.inject({ method: 'GET', url, headers: client.headers() })).body
      : null;
  const response = await send();
  if (response.statusCode >= 300) return response;
  if ((await auditRowCount(client.app)) > before) return response;
  if (
    method === 'PATCH' &&
    (await client.app.inject({ method: 'GET', url, headers: client.headers() })).body === recordBefore
  )
    return response;
  throw new Error(`${method} ${url} succeeded (${response.statusCode}) without writing an audit row`);
}
