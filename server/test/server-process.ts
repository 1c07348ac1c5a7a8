// The real `baken start` as a child process on a free port, for tests that kill it (crash safety)
// and for benchmarks that must measure the server as it runs in production.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

const ROOT = new URL('../../', import.meta.url).pathname;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Where the server keeps its data: a PGlite folder or a PostgreSQL database. */
export type ServerDatabase = { dataDir: string } | { databaseUrl: string };

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Whatever the server wrote to stderr (kept for failure messages). */
  stderr(): string;
  /** Ends the process with `signal` and waits until it is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Runs a `baken` command (demo, migrate, ...) to completion and returns its standard output. */
export async function runBaken(args: string[], database: ServerDatabase): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...databaseEnv(database), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`baken ${args.join(' ')} exited with ${code}: ${stderr}`);
  return stdout;
}

function databaseEnv(database: ServerDatabase): Record<string, string> {
  // An inherited DATABASE_URL would silently win over the PGlite folder.
  return 'dataDir' in database
    ? { BAKEN_DATA_DIR: database.dataDir, DATABASE_URL: '' }
    : { DATABASE_URL: database.databaseUrl };
}

export async function startServerProcess(
  database: ServerDatabase,
  env: Record<string, string> = {},
  startTimeoutMs = 120_000,
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...databaseEnv(database),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      BAKEN_LOGIN_RATE_LIMIT: '100000',
      BAKEN_PUBLIC_RATE_LIMIT: '100000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) at start: ${stderr}`);
    }
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start within ${startTimeoutMs / 1000} s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid ?? 0,
    child,
    stderr: () => stderr,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Signs in over HTTP (a session cookie and its CSRF token) and creates an API token; returns the token. */
export async function apiTokenFor(url: string, signIn: { path: string; body: unknown }): Promise<string> {
  const response = await fetch(`${url}/api/v1${signIn.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(signIn.body),
  });
  if (!response.ok) throw new Error(`POST ${signIn.path}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('baken_session='));
  if (!cookie) throw new Error(`POST ${signIn.path} set no session cookie`);
  const me = (await (await fetch(`${url}/api/v1/auth/me`, { headers: { cookie } })).json()) as {
    csrfToken: string;
  };
  const created = await fetch(`${url}/api/v1/api-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': me.csrfToken },
    body: JSON.stringify({ name: 'test and benchmark', scope: 'read_write' }),
  });
  if (created.status !== 201) throw new Error(`POST /api-tokens: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}
