import { type Role, roles } from '@baken/core/platform/roles';
import type { TFunction } from 'i18next';
import { ApiError } from '../app/api.ts';
import { messageOf } from '../ui/form-errors.ts';

/** Roles an actor may hand out: only an owner makes owners (core's canAssignRole). */
export function roleOptions(actorRole: Role, t: TFunction) {
  return roles
    .filter((role) => role !== 'owner' || actorRole === 'owner')
    .map((role) => ({ value: role, label: roleLabel(role, t) }));
}

/** The role names live with the invitation page, which shows them too. */
export function roleLabel(role: string, t: TFunction): string {
  const label = t(`auth:roles.${role}`);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * The API explains a refused role change in English; the refusals an admin meets in practice
 * (the last owner, an owner's role) are said in the user's language.
 */
export function membershipError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.status === 409) return t('users.lastOwner');
  if (error instanceof ApiError && error.status === 403) return t('users.onlyOwner');
  return messageOf(error, t('users.failed'));
}
