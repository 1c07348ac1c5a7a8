import type { acceptInvitationInput, invitationInput } from '@baken/core/platform/auth.schema';
import type { Role } from '@baken/core/platform/roles';
import { canAssignRole, canManageWorkspace } from '@baken/core/platform/roles';
import type { z } from 'zod';
import { audit } from '../platform/audit/audit.ts';
import { forgetCredentials } from '../platform/auth/credential-cache.ts';
import {
  formatCredential,
  hashPassword,
  hashSecret,
  parseCredential,
  randomSecret,
  sameHash,
  verifyPassword,
} from '../platform/auth/secrets.ts';
import { type ClientInfo, type NewSession, startSession } from '../platform/auth/sessions.ts';
import type { AppContext, RequestContext } from '../platform/context.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { workspaceById } from '../workspaces/workspaces.service.ts';
import {
  countOwners,
  deleteMembership,
  findInvitation,
  findMember,
  findUserByEmail,
  insertInvitation,
  insertMembership,
  insertUser,
  listInvitations,
  listMembers,
  markInvitation,
  setRole,
} from './users.repository.ts';

const INVITATION_PREFIX = 'bki';
const INVITATION_DAYS = 14;

function assertAdmin(ctx: RequestContext): void {
  if (!canManageWorkspace(ctx.actor.role))
    throw new AppError('forbidden', 'Only admins and owners can manage users.');
}

const memberOut = (member: { id: string; email: string; name: string; role: string; createdAt: Date }) => ({
  ...member,
  role: member.role as Role,
  createdAt: member.createdAt.toISOString(),
});

export async function members(ctx: RequestContext) {
  return (await listMembers(ctx.db, ctx.actor.workspaceId)).map(memberOut);
}

export async function changeRole(ctx: RequestContext, userId: string, role: Role) {
  assertAdmin(ctx);
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const member = await findMember(trx, ctx.actor.workspaceId, userId);
    if (!member) throw notFound('User');
    if (!canAssignRole(ctx.actor.role, member.role as Role, role)) {
      throw new AppError('forbidden', 'Only an owner can make someone an owner or change an owner’s role.');
    }
    if (member.role === 'owner' && role !== 'owner' && (await countOwners(trx, ctx.actor.workspaceId)) <= 1) {
      throw new AppError('conflict', 'A workspace needs at least one owner: make someone else owner first.');
    }
    await setRole(trx, ctx.actor.workspaceId, userId, role, ctx.now());
    await audit(ctx, trx, 'update', 'membership', userId, { role: { from: member.role, to: role } });
    return memberOut({ ...member, role });
  });
  // Sessions and tokens act with the member's role: read it again on their next request.
  forgetCredentials(ctx.db);
  return changed;
}

export async function removeMember(ctx: RequestContext, userId: string): Promise<void> {
  assertAdmin(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const member = await findMember(trx, ctx.actor.workspaceId, userId);
    if (!member) throw notFound('User');
    if (member.role === 'owner' && ctx.actor.role !== 'owner')
      throw new AppError('forbidden', 'Only an owner can remove an owner.');
    if (member.role === 'owner' && (await countOwners(trx, ctx.actor.workspaceId)) <= 1) {
      throw new AppError('conflict', 'A workspace needs at least one owner: make someone else owner first.');
    }
    // Their sessions and tokens go with the membership (foreign keys); their records lose their owner.
    await deleteMembership(trx, ctx.actor.workspaceId, userId);
    await audit(ctx, trx, 'delete', 'membership', userId, { email: member.email, role: member.role });
  });
  forgetCredentials(ctx.db);
}

export async function invitations(ctx: RequestContext) {
  assertAdmin(ctx);
  return (await listInvitations(ctx.db, ctx.actor.workspaceId)).map((invitation) => ({
    ...invitation,
    role: invitation.role as Role,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
    acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
    revokedAt: invitation.revokedAt?.toISOString() ?? null,
  }));
}

/** Creates an invitation and returns its link; the secret is shown once and stored only as a hash. */
export async function invite(ctx: RequestContext, input: z.output<typeof invitationInput>) {
  assertAdmin(ctx);
  if (!canAssignRole(ctx.actor.role, null, input.role))
    throw new AppError('forbidden', 'Only an owner can invite another owner.');
  const id = ctx.newId();
  const secret = randomSecret();
  const expiresAt = new Date(ctx.now().getTime() + INVITATION_DAYS * 24 * 3600 * 1000);
  await ctx.db.transaction().execute(async (trx) => {
    await insertInvitation(trx, {
      workspaceId: ctx.actor.workspaceId,
      id,
      email: input.email,
      role: input.role,
      tokenHash: hashSecret(secret),
      invitedBy: ctx.actor.userId,
      expiresAt,
    });
    await audit(ctx, trx, 'create', 'invitation', id, { email: input.email, role: input.role });
  });
  const token = formatCredential(INVITATION_PREFIX, ctx.actor.workspaceId, id, secret);
  return {
    id,
    email: input.email,
    role: input.role,
    token,
    url: `${ctx.config.publicUrl}/invite/${token}`,
    expiresAt: expiresAt.toISOString(),
  };
}

export async function revokeInvitation(ctx: RequestContext, id: string): Promise<void> {
  assertAdmin(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const invitation = await findInvitation(trx, ctx.actor.workspaceId, id);
    if (!invitation) throw notFound('Invitation');
    await markInvitation(trx, ctx.actor.workspaceId, id, { revokedAt: ctx.now() });
    await audit(ctx, trx, 'delete', 'invitation', id, { email: invitation.email });
  });
}

const invalidInvitation = () =>
  new AppError('not_found', 'This invitation link is not valid (any more): ask for a new one.');

async function openInvitation(ctx: AppContext, db: AppContext['db'], token: string) {
  const credential = parseCredential(INVITATION_PREFIX, token);
  if (!credential) throw invalidInvitation();
  const invitation = await findInvitation(db, credential.workspaceId, credential.id);
  if (!invitation || !sameHash(credential.secret, invitation.tokenHash)) throw invalidInvitation();
  if (invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() < ctx.now().getTime())
    throw invalidInvitation();
  return invitation;
}

/** What the invitation page shows before the invitee sets a password. */
export async function invitationPreview(ctx: AppContext, token: string) {
  const invitation = await openInvitation(ctx, ctx.db, token);
  const workspace = await workspaceById(ctx.db, invitation.workspaceId);
  const existing = await findUserByEmail(ctx.db, invitation.email);
  return {
    workspaceName: workspace?.name ?? '',
    email: invitation.email,
    role: invitation.role as Role,
    hasAccount: Boolean(existing),
  };
}

/** Joins the workspace: a new user sets name and password; an existing one proves theirs. */
export async function acceptInvitation(
  ctx: AppContext,
  input: z.output<typeof acceptInvitationInput>,
  client: ClientInfo,
): Promise<NewSession> {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const invitation = await openInvitation(ctx, trx, input.token);
    const existing = await findUserByEmail(trx, invitation.email);
    let userId: string;
    if (existing) {
      if (!(await verifyPassword(existing.passwordHash, input.password))) {
        throw new AppError(
          'unauthenticated',
          'You already have a Baken account with this email: enter its password.',
        );
      }
      userId = existing.id;
    } else {
      if (!input.name) {
        throw new AppError('invalid', 'name: enter your name.', [
          { field: 'name', message: 'Enter your name.' },
        ]);
      }
      userId = ctx.newId();
      await insertUser(trx, {
        id: userId,
        email: invitation.email,
        name: input.name,
        passwordHash,
        ...(input.locale ? { locale: input.locale } : {}),
        ...(input.timeZone ? { timeZone: input.timeZone } : {}),
      });
    }
    await insertMembership(trx, { workspaceId: invitation.workspaceId, userId, role: invitation.role });
    await markInvitation(trx, invitation.workspaceId, invitation.id, {
      acceptedAt: ctx.now(),
      acceptedBy: userId,
    });
    const actorCtx: RequestContext = {
      ...ctx,
      actor: {
        workspaceId: invitation.workspaceId,
        userId,
        role: invitation.role as Role,
        via: 'session',
        tokenId: null,
        sessionId: null,
        scope: 'read_write',
      },
    };
    await audit(actorCtx, trx, 'create', 'membership', userId, {
      email: invitation.email,
      role: invitation.role,
      invitationId: invitation.id,
    });
    return startSession(ctx, trx, invitation.workspaceId, userId, client);
  });
}
