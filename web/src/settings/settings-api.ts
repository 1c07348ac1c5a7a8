// Types and queries of the settings pages, typed by core's input schemas so a form sends what the
// API accepts.
import type {
  apiTokenInput,
  invitationInput,
  profileUpdateInput,
  workspaceUpdateInput,
} from '@baken/core/platform/auth.schema';
import type { Role } from '@baken/core/platform/roles';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get } from '../app/api.ts';

export type ProfileUpdate = z.input<typeof profileUpdateInput>;
export type WorkspaceUpdate = z.input<typeof workspaceUpdateInput>;
export type InvitationInput = z.input<typeof invitationInput>;
export type ApiTokenInput = z.input<typeof apiTokenInput>;
export type TokenScope = ApiTokenInput['scope'];

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  scope: TokenScope;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedInvitation {
  id: string;
  email: string;
  role: Role;
  token: string;
  url: string;
}

export interface WorkspaceSettings {
  id: string;
  name: string;
  timeZone: string;
  currency: string;
  locale: string;
  defaultCountry: string;
}

export const apiTokensQueryKey = ['api-tokens'] as const;
export const invitationsQueryKey = ['invitations'] as const;
export const workspaceQueryKey = ['workspace'] as const;

export function useApiTokens() {
  return useQuery({
    queryKey: apiTokensQueryKey,
    queryFn: async () => (await get<{ data: ApiToken[] }>('/api-tokens')).data,
  });
}

/** Invitations still waiting for an answer: accepted, revoked and expired ones are history. */
export function usePendingInvitations() {
  return useQuery({
    queryKey: invitationsQueryKey,
    queryFn: async () => (await get<{ data: Invitation[] }>('/invitations')).data,
    select: (all) => all.filter(isPending),
  });
}

function isPending(invitation: Invitation): boolean {
  return !invitation.acceptedAt && !invitation.revokedAt && Date.parse(invitation.expiresAt) > Date.now();
}

export function useWorkspaceSettings() {
  return useQuery({ queryKey: workspaceQueryKey, queryFn: () => get<WorkspaceSettings>('/workspace') });
}
