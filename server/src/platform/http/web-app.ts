import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const ROOT = new URL('../../../../', import.meta.url).pathname;
export const WEB_DIR = join(ROOT, 'web');
export const WEB_DIST = join(WEB_DIR, 'dist');

async function newestChange(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(
    entries.filter((entry) => entry !== 'node_modules').map((entry) => newestChange(join(path, entry))),
  );
  return Math.max(info.mtimeMs, ...times);
}

/**
 * `npm start` serves the built web app; it builds it first when the build is missing or older than
 * its sources (the web app and the core it imports). Without Vite (a production install without
 * dev dependencies) an existing build is served as it is.
 */
export async function ensureWebBuild(log: (message: string) => void): Promise<boolean> {
  const built = await newestChange(join(WEB_DIST, 'index.html'));
  const sources = Math.max(
    ...(await Promise.all(
      ['src', 'index.html', 'vite.config.ts', 'package.json'].map((name) =>
        newestChange(join(WEB_DIR, name)),
      ),
    )),
    await newestChange(join(ROOT, 'core', 'src')),
  );
  if (built > 0 && built >= sources) return true;
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    log(
      built > 0
        ? 'Vite is not installed: serving the existing web build.'
        : 'Vite is not installed and there is no web build: serving the API only.',
    );
    return built > 0;
  }
  log(built > 0 ? 'The web app changed: building it…' : 'Building the web app (first start)…');
  // A server started by a test runner has NODE_ENV=test, and Vite would then bundle React's
  // development build (several times slower to render): the web app is always built for production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({ root: WEB_DIR, logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return true;
}

/**
 * Serves the web app's files; returns the handler that answers every other non-API page with its
 * index.html (client-side routes), or null when there is no build to serve.
 */
export async function registerWebApp(
  app: FastifyInstance,
  dist: string,
): Promise<((request: FastifyRequest, reply: FastifyReply) => FastifyReply | null) | null> {
  if (!existsSync(join(dist, 'index.html'))) return null;
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true,
    // Asset names carry a hash of their content: a browser may keep them for good.
    setHeaders: (reply, path) => {
      if (path.startsWith(join(dist, 'assets')))
        reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  return (request, reply) => {
    if (request.method !== 'GET' || /^\/(api|assets)\//.test(request.url)) return null;
    reply.sendFile('index.html', dist, { maxAge: 0 });
    return reply;
  };
}
