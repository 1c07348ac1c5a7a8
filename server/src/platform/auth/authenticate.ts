import { timingSafeEqual } from 'node:crypto';
import type { Role } from '@baken/core/platform/roles';
import type { FastifyRequest } from 'fastify';
import type { Actor, AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { findApiToken, findSession, touchApiToken } from './auth.repository.ts';
import { credentialCache } from './credential-cache.ts';
import { parseCredential, sameHash } from './secrets.ts';

export const SESSION_COOKIE = 'baken_session';
export const SESSION_PREFIX = 'bks';
export const TOKEN_PREFIX = 'bkn';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOKEN_TOUCH_INTERVAL_MS = 60_000;

const unauthenticated = () =>
  new AppError('unauthenticated', 'Sign in first, or send an API token as "Authorization: Bearer <token>".');

async function actorOfToken(ctx: AppContext, value: string): Promise<Actor> {
  const credential = parseCredential(TOKEN_PREFIX, value);
  if (!credential) throw unauthenticated();
  const token = await credentialCache(ctx.db).lookup(`token:${credential.workspaceId}:${credential.id}`, () =>
    findApiToken(ctx.db, credential.workspaceId, credential.id),
  );
  if (!token || !sameHash(credential.secret, token.tokenHash)) throw unauthenticated();
  if (token.revokedAt) throw new AppError('unauthenticated', 'This API token has been revoked.');
  const now = ctx.now();
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOKEN_TOUCH_INTERVAL_MS) {
    // Noted in the cached row first, so that concurrent requests do not all write it.
    token.lastUsedAt = now;
    await touchApiToken(ctx.db, credential.workspaceId, credential.id, now);
  }
  return {
    workspaceId: credential.workspaceId,
    userId: token.userId,
    role: token.role as Role,
    via: 'token',
    tokenId: credential.id,
    sessionId: null,
    scope: token.scope as Actor['scope'],
  };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

async function actorOfSession(ctx: AppContext, request: FastifyRequest, value: string): Promise<Actor> {
  const credential = parseCredential(SESSION_PREFIX, value);
  if (!credential) throw unauthenticated();
  const session = await credentialCache(ctx.db).lookup(
    `session:${credential.workspaceId}:${credential.id}`,
    () => findSession(ctx.db, credential.workspaceId, credential.id),
  );
  if (!session || !sameHash(credential.secret, session.tokenHash)) throw unauthenticated();
  if (session.expiresAt.getTime() <= ctx.now().getTime()) {
    throw new AppError('unauthenticated', 'Your session has expired: sign in again.');
  }
  // Cookies ride along on cross-site requests; a header the page must read from our API cannot.
  if (!SAFE_METHODS.has(request.method)) {
    const header = request.headers[CSRF_HEADER];
    if (typeof header !== 'string' || !sameText(header, session.csrfToken)) {
      throw new AppError(
        'forbidden',
        `Missing or wrong ${CSRF_HEADER} header: send the csrfToken from /api/v1/auth/me.`,
      );
    }
  }
  return {
    workspaceId: credential.workspaceId,
    userId: session.userId,
    role: session.role as Role,
    via: 'session',
    tokenId: null,
    sessionId: credential.id,
    scope: 'read_write',
  };
}

/** Resolves the caller of a protected route from a Bearer token or the session cookie. */
export async function authenticate(ctx: AppContext, request: FastifyRequest): Promise<Actor> {
  const authorization = request.headers.authorization;
  let actor: Actor;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated();
    actor = await actorOfToken(ctx, match[1]!);
  } else {
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) throw unauthenticated();
    actor = await actorOfSession(ctx, request, cookie);
  }
  if (actor.scope === 'read' && !SAFE_METHODS.has(request.method)) {
    throw new AppError(
      'forbidden',
      'This API token may only read; create a read-write token to make changes.',
    );
  }
  return actor;
}
