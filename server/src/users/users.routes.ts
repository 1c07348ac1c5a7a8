import {
  acceptInvitationInput,
  invitationInput,
  membershipUpdateInput,
  roleSchema,
} from '@baken/core/platform/auth.schema';
import { idParams } from '@baken/core/records/record.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicLimit } from '../platform/http/public-limits.ts';
import { contextOf } from '../platform/http/request-context.ts';
import { clientInfo, setSessionCookie } from '../platform/http/session-cookie.ts';
import {
  acceptInvitation,
  changeRole,
  invitationPreview,
  invitations,
  invite,
  members,
  removeMember,
  revokeInvitation,
} from './users.service.ts';

const tags = ['users'];
const member = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: z.string(),
});
const invitation = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  invitedBy: z.uuid().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
const createdInvitation = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  token: z.string(),
  url: z.string(),
  expiresAt: z.string(),
});

/** The invitee is not signed in yet: looking at and accepting an invitation are public, rate-limited. */
export async function publicUserRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/invitations/preview',
    {
      config: publicLimit(app.ctx.config.publicRateLimit),
      schema: {
        tags,
        summary: 'Workspace, email and role of an invitation link',
        querystring: z.strictObject({ token: z.string().max(300) }),
        response: {
          200: z.object({
            workspaceName: z.string(),
            email: z.string(),
            role: roleSchema,
            hasAccount: z.boolean(),
          }),
        },
      },
    },
    async (request) => invitationPreview(app.ctx, request.query.token),
  );
  api.post(
    '/invitations/accept',
    {
      config: publicLimit(app.ctx.config.publicRateLimit),
      schema: {
        tags,
        summary: 'Accept an invitation and sign in',
        body: acceptInvitationInput,
        response: { 201: z.object({ workspaceId: z.uuid(), userId: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const session = await acceptInvitation(app.ctx, request.body, clientInfo(request));
      setSessionCookie(reply, session.cookieValue, session.maxAgeSeconds);
      return reply.status(201).send({ workspaceId: session.workspaceId, userId: session.userId });
    },
  );
}

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'Members of the workspace and their roles',
        response: { 200: z.object({ data: z.array(member) }) },
      },
    },
    async (request) => ({
      data: await members(contextOf(request)),
    }),
  );
  api.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a member’s role (admins)',
        params: idParams,
        body: membershipUpdateInput,
        response: { 200: member },
      },
    },
    async (request) => changeRole(contextOf(request), request.params.id, request.body.role),
  );
  api.delete(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Remove a member from the workspace (admins)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeMember(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  api.get(
    '/invitations',
    {
      schema: {
        tags,
        summary: 'Invitations of the workspace (admins)',
        response: { 200: z.object({ data: z.array(invitation) }) },
      },
    },
    async (request) => ({
      data: await invitations(contextOf(request)),
    }),
  );
  api.post(
    '/invitations',
    {
      schema: {
        tags,
        summary: 'Invite someone by link with a role (admins); the link is shown once',
        body: invitationInput,
        response: { 201: createdInvitation },
      },
    },
    async (request, reply) => reply.status(201).send(await invite(contextOf(request), request.body)),
  );
  api.delete(
    '/invitations/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an invitation (admins)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await revokeInvitation(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
