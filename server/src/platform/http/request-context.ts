import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, AppContext, RequestContext } from '../context.ts';
import { AppError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    ctx: AppContext;
  }
}

export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in first.');
  return { ...request.server.ctx, actor: request.actor };
}

export function decorateContext(app: FastifyInstance, ctx: AppContext): void {
  app.decorate('ctx', ctx);
  app.decorateRequest('actor', null);
}
