import type { apiTokenInput } from '@baken/core/platform/auth.schema';
import { canManageWorkspace } from '@baken/core/platform/roles';
import type { z } from 'zod';
import { audit } from '../platform/audit/audit.ts';
import { TOKEN_PREFIX } from '../platform/auth/authenticate.ts';
import { forgetCredentials } from '../platform/auth/credential-cache.ts';
import { formatCredential, hashSecret, randomSecret } from '../platform/auth/secrets.ts';
import type { RequestContext } from '../platform/context.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { toApi } from '../platform/records/serialize.ts';
import { findToken, insertToken, listTokens, revokeToken } from './api-tokens.repository.ts';

const tokenOut = (row: NonNullable<Awaited<ReturnType<typeof findToken>>>) => ({
  ...toApi(row),
  scope: row.scope as 'read' | 'read_write',
});

/** Tokens are managed from a signed-in session: a leaked token must not mint or revoke others. */
function assertSession(ctx: RequestContext): void {
  if (ctx.actor.via !== 'session')
    throw new AppError('forbidden', 'Manage API tokens from a signed-in session, not with a token.');
}

export async function apiTokens(ctx: RequestContext) {
  const all = canManageWorkspace(ctx.actor.role);
  return (await listTokens(ctx.db, ctx.actor.workspaceId, all ? null : ctx.actor.userId)).map(tokenOut);
}

export async function createApiToken(ctx: RequestContext, input: z.output<typeof apiTokenInput>) {
  assertSession(ctx);
  const id = ctx.newId();
  const secret = randomSecret();
  await ctx.db.transaction().execute(async (trx) => {
    await insertToken(trx, {
      workspaceId: ctx.actor.workspaceId,
      id,
      userId: ctx.actor.userId,
      name: input.name,
      tokenHash: hashSecret(secret),
      scope: input.scope,
    });
    await audit(ctx, trx, 'create', 'api_token', id, { name: input.name, scope: input.scope });
  });
  const token = await findToken(ctx.db, ctx.actor.workspaceId, id);
  return { ...tokenOut(token!), token: formatCredential(TOKEN_PREFIX, ctx.actor.workspaceId, id, secret) };
}

export async function revokeApiToken(ctx: RequestContext, id: string): Promise<void> {
  assertSession(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const token = await findToken(trx, ctx.actor.workspaceId, id);
    if (!token) throw notFound('API token');
    if (token.userId !== ctx.actor.userId && !canManageWorkspace(ctx.actor.role)) {
      throw new AppError('forbidden', 'You can only revoke your own API tokens.');
    }
    await revokeToken(trx, ctx.actor.workspaceId, id, ctx.now());
    await audit(ctx, trx, 'delete', 'api_token', id, { name: token.name });
  });
  forgetCredentials(ctx.db);
}
