import { loginInput, meResponse, profileUpdateInput, setupInput } from '@baken/core/platform/auth.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicLimit } from '../platform/http/public-limits.ts';
import { contextOf } from '../platform/http/request-context.ts';
import { clearSessionCookie, clientInfo, setSessionCookie } from '../platform/http/session-cookie.ts';
import { currentUser, isSetupNeeded, logIn, logOut, setUp, updateProfile } from './auth.service.ts';

const tags = ['auth'];

/** Routes anyone may call: first-run setup and login, both rate-limited. */
export async function publicAuthRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/setup',
    {
      schema: {
        tags,
        summary: 'Whether first-run setup is still needed',
        response: { 200: z.object({ setupNeeded: z.boolean() }) },
      },
    },
    async () => ({ setupNeeded: await isSetupNeeded(app.ctx) }),
  );
  api.post(
    '/setup',
    {
      config: publicLimit(app.ctx.config.publicRateLimit),
      schema: {
        tags,
        summary: 'First run: create the first workspace and its owner, and sign in',
        body: setupInput,
        response: { 201: z.object({ workspaceId: z.uuid(), userId: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const session = await setUp(app.ctx, request.body, clientInfo(request));
      setSessionCookie(reply, session.cookieValue, session.maxAgeSeconds);
      return reply.status(201).send({ workspaceId: session.workspaceId, userId: session.userId });
    },
  );
  api.post(
    '/auth/login',
    {
      config: publicLimit(app.ctx.config.loginRateLimit, (body) =>
        (body as { email?: unknown })?.email?.toString().toLowerCase(),
      ),
      schema: {
        tags,
        summary: 'Sign in with email and password; sets the session cookie',
        body: loginInput,
        response: { 200: z.object({ workspaceId: z.uuid(), userId: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const session = await logIn(app.ctx, request.body, clientInfo(request));
      setSessionCookie(reply, session.cookieValue, session.maxAgeSeconds);
      return { workspaceId: session.workspaceId, userId: session.userId };
    },
  );
}

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/auth/logout',
    { schema: { tags, summary: 'Sign out of this session', response: { 204: z.null() } } },
    async (request, reply) => {
      await logOut(contextOf(request));
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );
  api.get(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'Who is signed in, in which workspace, and the CSRF token',
        response: { 200: meResponse },
      },
    },
    async (request) => currentUser(contextOf(request)),
  );
  api.patch(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'Change your name, language, time zone or password',
        body: profileUpdateInput,
        response: { 200: meResponse },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await updateProfile(ctx, request.body);
      return currentUser(ctx);
    },
  );
}
