import type { AppContext } from '../context.ts';
import { insertSession } from './auth.repository.ts';
import { SESSION_PREFIX } from './authenticate.ts';
import { formatCredential, hashSecret, randomSecret } from './secrets.ts';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface NewSession {
  cookieValue: string;
  maxAgeSeconds: number;
  workspaceId: string;
  userId: string;
}

/** Signs a member in: a session row (only the secret's hash is stored) and the cookie value for it. */
export async function startSession(
  ctx: AppContext,
  db: AppContext['db'],
  workspaceId: string,
  userId: string,
  client: ClientInfo,
): Promise<NewSession> {
  const id = ctx.newId();
  const secret = randomSecret();
  const maxAgeSeconds = ctx.config.sessionDays * 24 * 3600;
  await insertSession(db, {
    workspaceId,
    id,
    userId,
    tokenHash: hashSecret(secret),
    csrfToken: randomSecret(24),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 500) ?? null,
    expiresAt: new Date(ctx.now().getTime() + maxAgeSeconds * 1000),
  });
  return {
    cookieValue: formatCredential(SESSION_PREFIX, workspaceId, id, secret),
    maxAgeSeconds,
    workspaceId,
    userId,
  };
}
