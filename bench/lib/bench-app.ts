import type { FastifyInstance, InjectOptions } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { buildApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/platform/config.ts';
import type { AppContext } from '../../server/src/platform/context.ts';
import type { BenchEngine } from './bench-engine.ts';
import type { BenchWorkspace } from './load-workspace.ts';

/** The real app over the bench database (in-process, requests through fastify's inject), signed in as the owner. */
export interface BenchApp {
  app: FastifyInstance;
  ctx: AppContext;
  /** Ids the app handed out since the last `forgetIds()`: rows a write inserted. */
  newIds: Set<string>;
  forgetIds(): void;
  /** Session cookie and CSRF header, as the web app sends them. */
  headers: Record<string, string>;
  request(method: InjectOptions['method'], url: string, payload?: object): Promise<unknown>;
  close(): Promise<void>;
}

export async function startBenchApp(bench: BenchEngine, workspace: BenchWorkspace): Promise<BenchApp> {
  const newIds = new Set<string>();
  const ctx: AppContext = {
    db: bench.database.db,
    engine: bench.engine,
    // Sign-in is rate limited per address; every bench request comes from one.
    config: loadConfig({ BAKEN_LOGIN_RATE_LIMIT: '100000', BAKEN_PUBLIC_RATE_LIMIT: '100000' }),
    now: () => new Date(),
    newId: () => {
      const id = uuidv7();
      newIds.add(id);
      return id;
    },
  };
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  const headers = await signIn(app, workspace);
  const request = async (method: InjectOptions['method'], url: string, payload?: object) => {
    const response = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    if (response.statusCode >= 300)
      throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.body ? (JSON.parse(response.body) as unknown) : null;
  };
  return {
    app,
    ctx,
    newIds,
    forgetIds: () => newIds.clear(),
    headers,
    request,
    close: () => app.close(),
  };
}

async function signIn(app: FastifyInstance, workspace: BenchWorkspace): Promise<Record<string, string>> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: workspace.ownerEmail, password: workspace.password },
  });
  const session = login.cookies.find((cookie) => cookie.name === 'baken_session');
  if (!session) throw new Error(`sign-in failed: ${login.statusCode} ${login.body}`);
  const cookie = `baken_session=${session.value}`;
  const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
  return { cookie, 'x-csrf-token': me.json().csrfToken as string };
}
